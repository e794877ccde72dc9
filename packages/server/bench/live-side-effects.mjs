// Two measurements of the live-updates benchmark (issue #4) that are not fan-out latency:
// what 1,000 idle SSE subscribers cost the other routes of the same instance, and how a
// 200-client registration race for 50 seats runs (throughput, latency, the final split).
import { sql } from 'kysely';
import { runLoad } from './load.mjs';
import { percentile } from './report.mjs';
import { memberId, memberToken, painPointId } from './seed.mjs';

const now = () => performance.timeOrigin + performance.now();

/**
 * Throughput and latency of a read route (random pain points by id, 100 connections) on one
 * instance: without subscribers, while `openIdle()` holds idle streams open, and without again
 * (the two runs without show how much the machine itself drifts). Returns the three table rows;
 * the ratio is against the mean of the two runs without.
 *
 * @example
 * const rows = await otherRoutesWithIdleSubscribers({ url, seconds: 5, painPoints: 1000, openIdle });
 */
export async function otherRoutesWithIdleSubscribers({ url, seconds, painPoints, openIdle }) {
  const paths = Array.from({ length: painPoints }, (_, index) => `/v1/pain-points/${painPointId(index + 1)}`);
  const measure = () => runLoad({ url, paths, seconds, connections: 100 });
  await runLoad({ url, paths, seconds: 1, connections: 20 }); // warm-up
  const before = await measure();
  const idle = await openIdle();
  const withSubscribers = await measure();
  await idle.close();
  const after = await measure();
  const without = { requestsPerSecond: (before.requestsPerSecond + after.requestsPerSecond) / 2 };
  const row = (label, result, streams) => ({
    'GET /v1/pain-points/{id}': label,
    'idle streams': streams,
    'req/s': Math.round(result.requestsPerSecond),
    'p50 ms': result.p50,
    'p99 ms': result.p99,
    'non-2xx': result.non2xx,
    'vs mean without': ratioOf(result.requestsPerSecond, without.requestsPerSecond),
  });
  return [
    row('without subscribers', before, 0),
    row('with idle subscribers', withSubscribers, idle.streams),
    row('without again', after, 0),
  ];
}

function ratioOf(value, base) {
  return `${(value / base).toFixed(2)}×`;
}

/**
 * Makes bench member 1 an admin (the organiser of the race's event). Call while seeding.
 *
 * @example
 * await makeOrganiser(database.db);
 */
export async function makeOrganiser(db) {
  await sql`update accounts set roles = '{member,admin}' where id = ${memberId(1)}`.execute(db);
}

/**
 * The registration race of issue #4 through the HTTP API: an event with `seats` seats, then
 * `clients` distinct members (bench members `firstMember`…) POST their registration all at once,
 * each with its own Idempotency-Key. Returns one table row: confirmed / waitlisted / other
 * answers, wall time from the first request sent to the last answer, registrations per second
 * and the per-request latency.
 *
 * @example
 * const row = await registrationRace({ url, label: 'PostgreSQL', clients: 200, seats: 50, firstMember: 1201 });
 */
export async function registrationRace({ url, label, clients, seats, firstMember }) {
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  const created = await fetch(`${url}/v1/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${memberToken(1)}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: { en: `Registration race ${Date.now()}` },
      description: { en: 'The benchmark race for seats.' },
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 8 * 3_600_000).toISOString(),
      timeZone: 'Asia/Singapore',
      city: 'Singapore',
      country: 'SG',
      capacity: seats,
    }),
  });
  if (created.status !== 201)
    throw new Error(`event creation answered ${created.status}: ${await created.text()}`);
  const event = await created.json();
  const started = now();
  const answers = await Promise.all(
    Array.from({ length: clients }, async (_, index) => {
      const sent = now();
      const response = await fetch(`${url}/v1/events/${event.id}/registrations`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${memberToken(firstMember + index)}`,
          'content-type': 'application/json',
          'idempotency-key': `race-${event.id}-${index}`,
        },
        body: JSON.stringify({ claim: { communityMember: true } }),
      });
      const body = await response.json();
      return { status: response.status, registration: body, latency: now() - sent };
    }),
  );
  const wall = now() - started;
  const latencies = answers.map((answer) => answer.latency).sort((a, b) => a - b);
  const confirmed = answers.filter((answer) => answer.registration.status === 'confirmed').length;
  const waitlisted = answers.filter((answer) => answer.registration.status === 'waitlisted').length;
  return {
    database: label,
    'clients / seats': `${clients} / ${seats}`,
    confirmed,
    waitlisted,
    'other answers': answers.length - confirmed - waitlisted,
    'wall ms': Math.round(wall),
    'registrations/s': Math.round((clients / wall) * 1000),
    'p50 ms': Math.round(percentile(latencies, 0.5)),
    'p99 ms': Math.round(percentile(latencies, 0.99)),
    expected: `${seats} / ${clients - seats}`,
  };
}
