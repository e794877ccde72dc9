// The ISO 3166-1 alpha-2 codes officially assigned (249), for country selects. The models only
// check the pattern (two capitals) and `Intl.supportedValuesOf` has no regions, so the list lives
// here, packed two letters a code: about 350 bytes gzipped instead of a dependency. Names always
// come from `Intl.DisplayNames` in the reader's language, never from this file.
const PACKED =
  'ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZ' +
  'DEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISIT' +
  'JEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNI' +
  'NLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTK' +
  'TLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW';

/** Every ISO 3166-1 alpha-2 code, alphabetical. */
export const COUNTRY_CODES: readonly string[] = PACKED.match(/../g) ?? [];

export interface CountryOption {
  code: string;
  name: string;
}

const cache = new Map<string, readonly CountryOption[]>();

/**
 * The countries as select options, named and sorted in the reader's language (`Intl.Collator`).
 *
 * @example
 * countryOptions('fr')[0]; // { code: 'AF', name: 'Afghanistan' }
 */
export function countryOptions(language: string): readonly CountryOption[] {
  let options = cache.get(language);
  if (!options) {
    const names = new Intl.DisplayNames(language, { type: 'region', fallback: 'code' });
    const collator = new Intl.Collator(language);
    options = COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((left, right) =>
      collator.compare(left.name, right.name),
    );
    cache.set(language, options);
  }
  return options;
}
