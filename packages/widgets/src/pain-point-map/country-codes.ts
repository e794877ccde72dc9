// ISO 3166-1 numeric code → alpha-2 code of every country in world-atlas's countries-110m.json
// (its features carry numeric ids; the API speaks alpha-2). Five characters an entry, "250FR":
// smaller in the chunk than an object literal. Kosovo has no ISO code (the file gives it none);
// it is matched by name to the user-assigned XK that Intl.DisplayNames and the API know.
const TABLE =
  '004AF008AL010AQ012DZ024AO031AZ032AR036AU040AT044BS050BD051AM056BE064BT068BO070BA072BW076BR084BZ090SB' +
  '096BN100BG104MM108BI112BY116KH120CM124CA140CF144LK148TD152CL156CN158TW170CO178CG180CD188CR191HR192CU' +
  '196CY203CZ204BJ208DK214DO218EC222SV226GQ231ET232ER233EE238FK242FJ246FI250FR260TF262DJ266GA268GE270GM' +
  '275PS276DE288GH300GR304GL320GT324GN328GY332HT340HN348HU352IS356IN360ID364IR368IQ372IE376IL380IT384CI' +
  '388JM392JP398KZ400JO404KE408KP410KR414KW417KG418LA422LB426LS428LV430LR434LY440LT442LU450MG454MW458MY' +
  '466ML478MR484MX496MN498MD499ME504MA508MZ512OM516NA524NP528NL540NC548VU554NZ558NI562NE566NG578NO586PK' +
  '591PA598PG600PY604PE608PH616PL620PT624GW626TL630PR634QA642RO643RU646RW682SA686SN688RS694SL703SK704VN' +
  '705SI706SO710ZA716ZW724ES728SS729SD732EH740SR748SZ752SE756CH760SY762TJ764TH768TG780TT784AE788TN792TR' +
  '795TM800UG804UA807MK818EG826GB834TZ840US854BF858UY860UZ862VE887YE894ZM';

const ALPHA_2 = new Map<string, string>();
for (const [, numeric, alpha2] of TABLE.matchAll(/(\d{3})([A-Z]{2})/g))
  ALPHA_2.set(numeric as string, alpha2 as string);

/**
 * The alpha-2 code of a world-atlas feature, or undefined for the few areas without one
 * (Northern Cyprus, Somaliland).
 *
 * @example
 * alpha2Of('250', 'France'); // 'FR'
 * alpha2Of(undefined, 'Kosovo'); // 'XK'
 */
export function alpha2Of(numeric: string | number | undefined, name?: string): string | undefined {
  if (numeric === undefined) return name === 'Kosovo' ? 'XK' : undefined;
  return ALPHA_2.get(String(numeric).padStart(3, '0'));
}
