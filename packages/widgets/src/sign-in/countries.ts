// The 249 ISO 3166-1 alpha-2 codes, two letters each. Names come from Intl.DisplayNames in the
// reader's language, so no country name is written here; probing every pair of letters instead
// would also offer codes that are not countries (EU, UN, XK, deprecated ones).
const CODES =
  'ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW';

const cache = new Map<string, readonly { code: string; name: string }[]>();

/**
 * Every country with its name in `language`, in that language's alphabetical order.
 *
 * @example
 * countries('fr')[0]; // { code: 'AF', name: 'Afghanistan' }
 */
export function countries(language: string): readonly { code: string; name: string }[] {
  let list = cache.get(language);
  if (!list) {
    const names = new Intl.DisplayNames(language, { type: 'region' });
    const collator = new Intl.Collator(language);
    list = (CODES.match(/../g) ?? [])
      .map((code) => ({ code, name: names.of(code) ?? code }))
      .sort((a, b) => collator.compare(a.name, b.name));
    cache.set(language, list);
  }
  return list;
}
