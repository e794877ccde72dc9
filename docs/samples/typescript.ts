// The SDK is typed from the same schemas the server validates with: parameters are checked as you
// type, answers are typed, and values the platform may add later (a new domain) stay open.
import { DOMAINS, type Domain } from '@wsc/models';
import { isKnownValue, type PainPointListParams, WscClient } from '@wsc/sdk';

const DOMAIN_NAMES: Record<Domain, string> = {
  mobility: 'Mobility',
  water: 'Water',
  energy: 'Energy',
  'sanitation-waste': 'Sanitation and waste',
  transport: 'Transport',
  'public-safety': 'Public safety',
  'environmental-monitoring': 'Environmental monitoring',
  weather: 'Weather',
  cybersecurity: 'Cybersecurity',
  privacy: 'Privacy',
  'ict-infrastructure': 'ICT infrastructure',
};

export async function typedCalls(baseURL = process.env.WSC_API_URL ?? 'http://localhost:8787') {
  const client = new WscClient({ baseURL });
  const params: PainPointListParams = { sort: 'top', limit: 5 }; // `sort: 'best'` would not compile
  const page = await client.painPoints.list(params);
  const first = page.data[0]; // typed: title, voteCount, domain…
  // A domain added after this SDK version arrives as a string: narrow before indexing a table by it.
  const domain = first && isKnownValue(DOMAINS, first.domain) ? DOMAIN_NAMES[first.domain] : 'Other';
  // A title is in the languages its author and translators wrote: English when there is one.
  const title = first ? (first.title.en ?? Object.values(first.title).find(Boolean)) : undefined;
  return { title, domain };
}
