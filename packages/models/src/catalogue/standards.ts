/**
 * Real international standards relevant to smart cities, seeded into the standards catalogue.
 *
 * Sources: the public catalogues of the three bodies — ISO (https://www.iso.org/standards-catalogue),
 * IEC (https://webstore.iec.ch) and ITU-T Recommendations (https://www.itu.int/rec/T-REC) — and, for
 * edition checks, the catalogue records those publications carry (edition, date, committee). The list
 * reflects the catalogues as checked on 25 November 2026.
 *
 * Rules this list keeps:
 * - Only publications whose reference, title and committee could be confirmed; anything uncertain was left
 *   out rather than guessed (e.g. ISO 24510:2007, which appears to have been revised; ISO/IEC 30145-2,
 *   whose exact title was not confirmed; the IEC 61968-1 and IEC 61851-1 editions).
 * - The current edition: ISO/TS 37151:2015 and ISO 37153:2017 were replaced by ISO 37151:2024 and
 *   ISO 37153:2024; ISO/IEC 27701:2019 by ISO/IEC 27701:2025. The smart-cities reference architecture
 *   methodology was published as IEC SRD 63188:2022 (not as a Technical Specification).
 * - `committee` is the committee that owns the publication today. ITU-T Y.4000/Y.2060 and Y.4100/Y.2066
 *   were approved by ITU-T Study Group 13 and passed to Study Group 20 when it took over IoT and smart
 *   cities in 2015.
 * - `url` is the publication's numbered catalogue page where that number is known for certain (ISO), the
 *   ITU-T Recommendation page (its stable T-REC address), and otherwise the body's catalogue search for
 *   the exact reference: the IEC webstore numbers were not verifiable here.
 * - `domains` lists only the smart-city domains the publication's own scope names.
 */
import type { Domain, StandardBody, StandardStatus } from '../enums';
import type { Standard } from '../standard';

/** A standard as the seed writes it: responses accept values a newer server adds, the seed only known ones. */
type CatalogueStandard = Standard & { body: StandardBody; status: StandardStatus; domains: Domain[] };

/** ISO catalogue search for an exact reference, used where the numbered page is not known for certain. */
function isoSearchUrl(reference: string): string {
  return `https://www.iso.org/search.html?q=${encodeURIComponent(reference)}`;
}

/** IEC webstore search for an exact reference (IEC publication numbers were not verifiable). */
function iecSearchUrl(reference: string): string {
  return `https://webstore.iec.ch/en/searchform?q=${encodeURIComponent(reference)}`;
}

/** The stable ITU-T page of a Recommendation, listing all its editions. */
function ituRecommendationUrl(number: string): string {
  return `https://www.itu.int/rec/T-REC-${number}`;
}

const isoStandards: CatalogueStandard[] = [
  {
    id: 'iso-37120-2018',
    body: 'ISO',
    reference: 'ISO 37120:2018',
    title: { en: 'Sustainable cities and communities — Indicators for city services and quality of life' },
    committee: 'ISO/TC 268',
    status: 'published',
    publicationYear: 2018,
    domains: [
      'water',
      'energy',
      'sanitation-waste',
      'transport',
      'public-safety',
      'environmental-monitoring',
      'ict-infrastructure',
    ],
    url: 'https://www.iso.org/standard/68498.html',
  },
  {
    id: 'iso-37122-2019',
    body: 'ISO',
    reference: 'ISO 37122:2019',
    title: { en: 'Sustainable cities and communities — Indicators for smart cities' },
    committee: 'ISO/TC 268',
    status: 'published',
    publicationYear: 2019,
    domains: [
      'mobility',
      'water',
      'energy',
      'sanitation-waste',
      'transport',
      'public-safety',
      'environmental-monitoring',
      'ict-infrastructure',
    ],
    url: 'https://www.iso.org/standard/69050.html',
  },
  {
    id: 'iso-37123-2019',
    body: 'ISO',
    reference: 'ISO 37123:2019',
    title: { en: 'Sustainable cities and communities — Indicators for resilient cities' },
    committee: 'ISO/TC 268',
    status: 'published',
    publicationYear: 2019,
    domains: ['public-safety', 'weather', 'water', 'energy'],
    url: isoSearchUrl('ISO 37123:2019'),
  },
  {
    id: 'iso-37101-2016',
    body: 'ISO',
    reference: 'ISO 37101:2016',
    title: {
      en: 'Sustainable development in communities — Management system for sustainable development — Requirements with guidance for use',
    },
    committee: 'ISO/TC 268',
    status: 'published',
    publicationYear: 2016,
    domains: ['mobility', 'public-safety', 'environmental-monitoring'],
    url: 'https://www.iso.org/standard/61885.html',
  },
  {
    id: 'iso-37106-2021',
    body: 'ISO',
    reference: 'ISO 37106:2021',
    title: {
      en: 'Sustainable cities and communities — Guidance on establishing smart city operating models for sustainable communities',
    },
    committee: 'ISO/TC 268',
    status: 'published',
    publicationYear: 2021,
    domains: ['ict-infrastructure'],
    url: isoSearchUrl('ISO 37106:2021'),
  },
  {
    id: 'iso-37110-2022',
    body: 'ISO',
    reference: 'ISO 37110:2022',
    title: {
      en: 'Sustainable cities and communities — Management requirements and recommendations for open data for smart cities and communities — Overview and general principles',
    },
    committee: 'ISO/TC 268',
    status: 'published',
    publicationYear: 2022,
    domains: ['ict-infrastructure', 'privacy'],
    url: isoSearchUrl('ISO 37110:2022'),
  },
  {
    id: 'iso-tr-37150-2014',
    body: 'ISO',
    reference: 'ISO/TR 37150:2014',
    title: { en: 'Smart community infrastructures — Review of existing activities relevant to metrics' },
    committee: 'ISO/TC 268/SC 1',
    status: 'published',
    publicationYear: 2014,
    domains: ['energy', 'water', 'transport', 'sanitation-waste', 'ict-infrastructure'],
    url: isoSearchUrl('ISO/TR 37150:2014'),
  },
  {
    id: 'iso-37151-2024',
    body: 'ISO',
    reference: 'ISO 37151:2024',
    title: { en: 'Smart community infrastructures — Principles and requirements for performance metrics' },
    committee: 'ISO/TC 268/SC 1',
    status: 'published',
    publicationYear: 2024,
    domains: ['energy', 'water', 'transport', 'sanitation-waste', 'ict-infrastructure'],
    url: isoSearchUrl('ISO 37151:2024'),
  },
  {
    id: 'iso-37153-2024',
    body: 'ISO',
    reference: 'ISO 37153:2024',
    title: { en: 'Smart community infrastructures — Maturity model for assessment and improvement' },
    committee: 'ISO/TC 268/SC 1',
    status: 'published',
    publicationYear: 2024,
    domains: ['energy', 'water', 'transport', 'sanitation-waste', 'ict-infrastructure'],
    url: isoSearchUrl('ISO 37153:2024'),
  },
  {
    id: 'iso-37156-2020',
    body: 'ISO',
    reference: 'ISO 37156:2020',
    title: {
      en: 'Smart community infrastructures — Guidelines on data exchange and sharing for smart community infrastructures',
    },
    committee: 'ISO/TC 268/SC 1',
    status: 'published',
    publicationYear: 2020,
    domains: ['ict-infrastructure'],
    url: isoSearchUrl('ISO 37156:2020'),
  },
  {
    id: 'iso-37157-2018',
    body: 'ISO',
    reference: 'ISO 37157:2018',
    title: { en: 'Smart community infrastructures — Smart transportation for compact cities' },
    committee: 'ISO/TC 268/SC 1',
    status: 'published',
    publicationYear: 2018,
    domains: ['transport', 'mobility'],
    url: isoSearchUrl('ISO 37157:2018'),
  },
  {
    id: 'iso-37161-2020',
    body: 'ISO',
    reference: 'ISO 37161:2020',
    title: {
      en: 'Smart community infrastructures — Guidance on smart transportation for energy saving in transportation services',
    },
    committee: 'ISO/TC 268/SC 1',
    status: 'published',
    publicationYear: 2020,
    domains: ['transport', 'energy'],
    url: isoSearchUrl('ISO 37161:2020'),
  },
  {
    id: 'iso-37165-2020',
    body: 'ISO',
    reference: 'ISO 37165:2020',
    title: {
      en: 'Smart community infrastructures — Guidance on smart transportation with the use of digitally processed payment (d-payment)',
    },
    committee: 'ISO/TC 268/SC 1',
    status: 'published',
    publicationYear: 2020,
    domains: ['transport', 'mobility'],
    url: isoSearchUrl('ISO 37165:2020'),
  },
  {
    id: 'iso-37166-2022',
    body: 'ISO',
    reference: 'ISO 37166:2022',
    title: {
      en: 'Smart community infrastructures — Urban data integration framework for smart city planning (SCP)',
    },
    committee: 'ISO/TC 268/SC 1',
    status: 'published',
    publicationYear: 2022,
    domains: ['ict-infrastructure', 'water', 'transport', 'energy', 'sanitation-waste'],
    url: isoSearchUrl('ISO 37166:2022'),
  },
  {
    id: 'iso-24512-2024',
    body: 'ISO',
    reference: 'ISO 24512:2024',
    title: {
      en: 'Activities relating to drinking water and wastewater services — Guidelines for the management of drinking water utilities and for the assessment of drinking water services',
    },
    committee: 'ISO/TC 224',
    status: 'published',
    publicationYear: 2024,
    domains: ['water'],
    url: isoSearchUrl('ISO 24512:2024'),
  },
  {
    id: 'iso-50001-2018',
    body: 'ISO',
    reference: 'ISO 50001:2018',
    title: { en: 'Energy management systems — Requirements with guidance for use' },
    committee: 'ISO/TC 301',
    status: 'published',
    publicationYear: 2018,
    domains: ['energy'],
    url: 'https://www.iso.org/standard/69426.html',
  },
];

/** ISO/IEC JTC 1 publications: the joint committee of ISO and IEC for information technology. */
const jointStandards: CatalogueStandard[] = [
  {
    id: 'iso-iec-30182-2017',
    body: 'joint',
    reference: 'ISO/IEC 30182:2017',
    title: { en: 'Smart city concept model — Guidance for establishing a model for data interoperability' },
    committee: 'ISO/IEC JTC 1',
    status: 'published',
    publicationYear: 2017,
    domains: ['ict-infrastructure'],
    url: 'https://www.iso.org/standard/53302.html',
  },
  {
    id: 'iso-iec-30145-1-2021',
    body: 'joint',
    reference: 'ISO/IEC 30145-1:2021',
    title: {
      en: 'Information technology — Smart City ICT reference framework — Part 1: Smart city business process framework',
    },
    committee: 'ISO/IEC JTC 1',
    status: 'published',
    publicationYear: 2021,
    domains: ['ict-infrastructure'],
    url: isoSearchUrl('ISO/IEC 30145-1:2021'),
  },
  {
    id: 'iso-iec-30145-3-2020',
    body: 'joint',
    reference: 'ISO/IEC 30145-3:2020',
    title: {
      en: 'Information technology — Smart City ICT reference framework — Part 3: Smart city engineering framework',
    },
    committee: 'ISO/IEC JTC 1',
    status: 'published',
    publicationYear: 2020,
    domains: ['ict-infrastructure'],
    url: isoSearchUrl('ISO/IEC 30145-3:2020'),
  },
  {
    id: 'iso-iec-30146-2019',
    body: 'joint',
    reference: 'ISO/IEC 30146:2019',
    title: { en: 'Information technology — Smart city ICT indicators' },
    committee: 'ISO/IEC JTC 1',
    status: 'published',
    publicationYear: 2019,
    domains: ['ict-infrastructure'],
    url: isoSearchUrl('ISO/IEC 30146:2019'),
  },
  {
    id: 'iso-iec-27001-2022',
    body: 'joint',
    reference: 'ISO/IEC 27001:2022',
    title: {
      en: 'Information security, cybersecurity and privacy protection — Information security management systems — Requirements',
    },
    committee: 'ISO/IEC JTC 1/SC 27',
    status: 'published',
    publicationYear: 2022,
    domains: ['cybersecurity'],
    url: 'https://www.iso.org/standard/82875.html',
  },
  {
    id: 'iso-iec-27701-2025',
    body: 'joint',
    reference: 'ISO/IEC 27701:2025',
    title: {
      en: 'Information security, cybersecurity and privacy protection — Privacy information management systems — Requirements and guidance',
    },
    committee: 'ISO/IEC JTC 1/SC 27',
    status: 'published',
    publicationYear: 2025,
    domains: ['privacy'],
    url: isoSearchUrl('ISO/IEC 27701:2025'),
  },
];

const iecStandards: CatalogueStandard[] = [
  {
    id: 'iec-srd-63188-2022',
    body: 'IEC',
    reference: 'IEC SRD 63188:2022',
    title: { en: 'Smart cities reference architecture methodology' },
    committee: 'IEC SyC Smart Cities',
    status: 'published',
    publicationYear: 2022,
    domains: ['ict-infrastructure'],
    url: iecSearchUrl('IEC SRD 63188:2022'),
  },
  {
    id: 'iec-srd-63233-4-2024',
    body: 'IEC',
    reference: 'IEC SRD 63233-4:2024',
    title: {
      en: 'Smart city standards inventory and mapping — Part 4: Guidance on standards for public health emergencies',
    },
    committee: 'IEC SyC Smart Cities',
    status: 'published',
    publicationYear: 2024,
    domains: ['public-safety'],
    url: iecSearchUrl('IEC SRD 63233-4:2024'),
  },
  {
    id: 'iec-63152-2020',
    body: 'IEC',
    reference: 'IEC 63152:2020',
    title: {
      en: 'Smart cities — City service continuity against disasters — The role of the electrical supply',
    },
    committee: 'IEC SyC Smart Cities',
    status: 'published',
    publicationYear: 2020,
    domains: ['energy', 'public-safety'],
    url: iecSearchUrl('IEC 63152:2020'),
  },
  {
    id: 'iec-61850-7-420-2021',
    body: 'IEC',
    reference: 'IEC 61850-7-420:2021',
    title: {
      en: 'Communication networks and systems for power utility automation — Part 7-420: Basic communication structure — Distributed energy resources and distribution automation logical nodes',
    },
    committee: 'IEC TC 57',
    status: 'published',
    publicationYear: 2021,
    domains: ['energy'],
    url: iecSearchUrl('IEC 61850-7-420:2021'),
  },
  {
    id: 'iec-61970-301-2020',
    body: 'IEC',
    reference: 'IEC 61970-301:2020',
    title: {
      en: 'Energy management system application program interface (EMS-API) — Part 301: Common information model (CIM) base',
    },
    committee: 'IEC TC 57',
    status: 'published',
    publicationYear: 2020,
    domains: ['energy'],
    url: iecSearchUrl('IEC 61970-301:2020'),
  },
  {
    id: 'iec-62443-3-3-2013',
    body: 'IEC',
    reference: 'IEC 62443-3-3:2013',
    title: {
      en: 'Industrial communication networks — Network and system security — Part 3-3: System security requirements and security levels',
    },
    committee: 'IEC TC 65',
    status: 'published',
    publicationYear: 2013,
    domains: ['cybersecurity'],
    url: iecSearchUrl('IEC 62443-3-3:2013'),
  },
  {
    id: 'iec-62443-4-2-2019',
    body: 'IEC',
    reference: 'IEC 62443-4-2:2019',
    title: {
      en: 'Security for industrial automation and control systems — Part 4-2: Technical security requirements for IACS components',
    },
    committee: 'IEC TC 65',
    status: 'published',
    publicationYear: 2019,
    domains: ['cybersecurity'],
    url: iecSearchUrl('IEC 62443-4-2:2019'),
  },
];

/** ITU-T Recommendations; dual numbers (Y.4900/L.1600) are how ITU-T itself cites them. */
const ituStandards: CatalogueStandard[] = [
  {
    id: 'itu-t-y-4900-l-1600',
    body: 'ITU',
    reference: 'ITU-T Y.4900/L.1600',
    title: { en: 'Overview of key performance indicators in smart sustainable cities' },
    committee: 'ITU-T SG20',
    status: 'published',
    publicationYear: 2016,
    domains: ['ict-infrastructure', 'environmental-monitoring'],
    url: ituRecommendationUrl('Y.4900'),
  },
  {
    id: 'itu-t-y-4901-l-1601',
    body: 'ITU',
    reference: 'ITU-T Y.4901/L.1601',
    title: {
      en: 'Key performance indicators related to the use of information and communication technology in smart sustainable cities',
    },
    committee: 'ITU-T SG20',
    status: 'published',
    publicationYear: 2016,
    domains: ['ict-infrastructure'],
    url: ituRecommendationUrl('Y.4901'),
  },
  {
    id: 'itu-t-y-4902-l-1602',
    body: 'ITU',
    reference: 'ITU-T Y.4902/L.1602',
    title: {
      en: 'Key performance indicators related to the sustainability impacts of information and communication technology in smart sustainable cities',
    },
    committee: 'ITU-T SG20',
    status: 'published',
    publicationYear: 2016,
    domains: ['ict-infrastructure', 'environmental-monitoring'],
    url: ituRecommendationUrl('Y.4902'),
  },
  {
    id: 'itu-t-y-4903-l-1603',
    body: 'ITU',
    reference: 'ITU-T Y.4903/L.1603',
    title: {
      en: 'Key performance indicators for smart sustainable cities to assess the achievement of sustainable development goals',
    },
    committee: 'ITU-T SG20',
    status: 'published',
    publicationYear: 2016,
    domains: [
      'water',
      'energy',
      'sanitation-waste',
      'transport',
      'public-safety',
      'environmental-monitoring',
      'ict-infrastructure',
    ],
    url: ituRecommendationUrl('Y.4903'),
  },
  {
    id: 'itu-t-y-4904',
    body: 'ITU',
    reference: 'ITU-T Y.4904',
    title: { en: 'Smart sustainable cities maturity model' },
    committee: 'ITU-T SG20',
    status: 'published',
    publicationYear: 2019,
    domains: ['ict-infrastructure'],
    url: ituRecommendationUrl('Y.4904'),
  },
  {
    id: 'itu-t-y-4000-y-2060',
    body: 'ITU',
    reference: 'ITU-T Y.4000/Y.2060',
    title: { en: 'Overview of the Internet of things' },
    committee: 'ITU-T SG20',
    status: 'published',
    publicationYear: 2012,
    domains: ['ict-infrastructure'],
    url: ituRecommendationUrl('Y.4000'),
  },
  {
    id: 'itu-t-y-4100-y-2066',
    body: 'ITU',
    reference: 'ITU-T Y.4100/Y.2066',
    title: { en: 'Common requirements of the Internet of things' },
    committee: 'ITU-T SG20',
    status: 'published',
    publicationYear: 2014,
    domains: ['ict-infrastructure', 'cybersecurity', 'privacy'],
    url: ituRecommendationUrl('Y.4100'),
  },
  {
    id: 'itu-t-y-4200',
    body: 'ITU',
    reference: 'ITU-T Y.4200',
    title: { en: 'Requirements for the interoperability of smart city platforms' },
    committee: 'ITU-T SG20',
    status: 'published',
    publicationYear: 2018,
    domains: ['ict-infrastructure'],
    url: ituRecommendationUrl('Y.4200'),
  },
  {
    id: 'itu-t-y-4201',
    body: 'ITU',
    reference: 'ITU-T Y.4201',
    title: { en: 'High-level requirements and reference framework of smart city platforms' },
    committee: 'ITU-T SG20',
    status: 'published',
    publicationYear: 2018,
    domains: ['ict-infrastructure'],
    url: ituRecommendationUrl('Y.4201'),
  },
  {
    id: 'itu-t-y-4472',
    body: 'ITU',
    reference: 'ITU-T Y.4472',
    title: {
      en: 'Open data application programming interface (APIs) for IoT data in smart cities and communities',
    },
    committee: 'ITU-T SG20',
    status: 'published',
    publicationYear: 2020,
    domains: ['ict-infrastructure'],
    url: ituRecommendationUrl('Y.4472'),
  },
];

/** The seeded standards: ISO, then ISO/IEC JTC 1, then IEC, then ITU-T. */
export const standards: readonly CatalogueStandard[] = [
  ...isoStandards,
  ...jointStandards,
  ...iecStandards,
  ...ituStandards,
];
