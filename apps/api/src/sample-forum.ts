// The upcoming forum `npm start` gives the sample apps. The catalogue's only event is the World
// Smart City Forum of 2016, long over, so a newcomer could not try registering (nor see the
// confirmation mail with its calendar file): on the first start the sample partner creates a
// forum three months ahead, organised by IEC, ISO and ITU, and the partner site shows it.
import { createEventRecord, type Database, type EventValues, recordAudit } from '@wsc/server/admin';

export const SAMPLE_FORUM_SLUG = 'world-smart-city-forum-sample';

const DAY = 24 * 60 * 60 * 1000;

const NAME: Record<string, string> = {
  ar: 'المنتدى العالمي للمدن الذكية (نموذج)',
  zh: '世界智慧城市论坛（示例）',
  en: 'World Smart City Forum (sample)',
  fr: 'Forum mondial des villes intelligentes (exemple)',
  ru: 'Всемирный форум умных городов (пример)',
  es: 'Foro Mundial de Ciudades Inteligentes (ejemplo)',
};

const DESCRIPTION: Record<string, string> = {
  ar: 'فعالية نموذجية ينشئها npm start لتجربة التسجيل ورسائله؛ ليست فعالية حقيقية.',
  zh: 'npm start 创建的示例活动，用于试用报名及其邮件；并非真实活动。',
  en: 'A sample event npm start creates so that you can try registering and its mail; not a real event.',
  fr: 'Un événement d’exemple créé par npm start pour essayer l’inscription et ses e-mails ; ce n’est pas un vrai événement.',
  ru: 'Пример мероприятия, который создаёт npm start, чтобы опробовать регистрацию и её письма; это не настоящее мероприятие.',
  es: 'Un evento de ejemplo que crea npm start para probar la inscripción y sus correos; no es un evento real.',
};

/** The sample forum's fields: three days in Singapore, starting 90 days after `now`, 09:00 local. */
export function sampleForumValues(now: Date): EventValues {
  const day = new Date(now.getTime() + 90 * DAY);
  // 01:00 UTC is 09:00 in Singapore (UTC+8, no daylight saving).
  const startsAt = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 1));
  return {
    slug: SAMPLE_FORUM_SLUG,
    name: NAME,
    description: DESCRIPTION,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * DAY + 8 * 60 * 60 * 1000).toISOString(),
    timeZone: 'Asia/Singapore',
    city: 'Singapore',
    country: 'SG',
    venue: null,
    capacity: 50,
    registrationOpensAt: null,
    registrationClosesAt: null,
    freeAttendance: ['community-member'],
    source: null,
    organiserIds: ['iec', 'iso', 'itu'],
    coLocatedEvents: [],
  };
}

/**
 * Creates the sample forum once (under the sample partner, audited as made by npm start); later
 * starts find it by its slug and leave it as it is.
 *
 * @example
 * const { created } = await ensureSampleForum(app.database.db, partner.partnerId);
 */
export async function ensureSampleForum(
  db: Database['db'],
  partnerId: string,
  now = new Date(),
): Promise<{ slug: string; created: boolean }> {
  const created = await db.transaction().execute(async (trx) => {
    const id = await createEventRecord(trx, sampleForumValues(now), { createdBy: null, partnerId });
    if (!id) return false;
    await recordAudit(trx, {
      actorId: null,
      partnerId,
      action: 'event.created',
      subjectType: 'event',
      subjectId: id,
      data: { via: 'npm start', slug: SAMPLE_FORUM_SLUG },
    });
    return true;
  });
  return { slug: SAMPLE_FORUM_SLUG, created };
}
