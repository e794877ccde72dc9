/**
 * The three global standards bodies that launched the World Smart City Community
 * (joint press release, Geneva, 18 January 2016: /work/shared/seed/press-release-2016-01-18.zh.txt).
 * All three have their seat in Geneva, hence country `CH`.
 */
import type { LocalizedText } from '../localized-text';
import type { Organization } from '../organization';
import { PRESS_RELEASE_2016_SOURCE } from './sources';

/** A sourced statement about an organization, shown on its profile. */
export interface OrganizationFact {
  text: LocalizedText;
  source: string;
}

/**
 * An organization from the catalogue; `facts` is extra, sourced context the Organization schema
 * does not carry. Verified e-mail domains are not catalogue data: admins set them.
 */
export type CatalogueOrganization = Omit<Organization, 'verifiedDomains'> & {
  facts?: readonly OrganizationFact[];
};

export const iec: CatalogueOrganization = {
  id: 'iec',
  slug: 'iec',
  name: 'International Electrotechnical Commission (IEC)',
  type: 'standards-body',
  memberships: ['IEC'],
  country: 'CH',
  url: 'https://www.iec.ch',
};

export const iso: CatalogueOrganization = {
  id: 'iso',
  slug: 'iso',
  name: 'International Organization for Standardization (ISO)',
  type: 'standards-body',
  memberships: ['ISO'],
  country: 'CH',
  url: 'https://www.iso.org',
};

export const itu: CatalogueOrganization = {
  id: 'itu',
  slug: 'itu',
  name: 'International Telecommunication Union (ITU)',
  type: 'standards-body',
  memberships: ['ITU'],
  country: 'CH',
  url: 'https://www.itu.int',
  // The press release's "About ITU" paragraph; the figures are those of January 2016.
  facts: [
    {
      text: {
        en: 'The United Nations specialized agency for information and communication technologies (ICT).',
        zh: '国际电联是联合国负责信息通信技术（ICT）事务的主导机构。',
      },
      source: PRESS_RELEASE_2016_SOURCE,
    },
    {
      text: {
        en: 'Works with 193 member states and more than 700 private-sector entities and academic institutions.',
        zh: '与193个成员国和来自700多家私营部门实体和学术机构的成员一道，推进ICT领域的创新。',
      },
      source: PRESS_RELEASE_2016_SOURCE,
    },
    {
      text: {
        en: 'Founded over 150 years ago.',
        zh: '国际电联成立于150多年前。',
      },
      source: PRESS_RELEASE_2016_SOURCE,
    },
  ],
};

/** IEC, ISO and ITU, in the order the press release names them as organisers of the forum. */
export const bodies: readonly CatalogueOrganization[] = [iec, iso, itu];
