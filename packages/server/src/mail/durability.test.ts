import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { processDatabases } from '../test-support';
import { type ApiProcess, builtApiIncludes, startApiProcess, waitUntil } from '../test-support/api-process';
import { startTestSmtpServer, type TestSmtpServer } from './test-smtp-server';

// Kill -9 the real API (apps/api's dist/main.js, on the built @wsc/server) while sign-up mails
// are queued and in flight; after a restart every mail reaches the SMTP server, and a mail sent
// again (its 250 never reached the dead process) carries the same Message-ID.
// Build first: `npm run build -w @wsc/server -w @wsc/api`.

const MAILS = 12;

const targets = processDatabases('mail-durability');
const built = builtApiIncludes('WSC_MAIL_TIMEOUT_SECONDS');
// Leases are twice the timeout: a dead process's claims expire after 6 s.
const start = (environment: Record<string, string>) =>
  startApiProcess({ WSC_MAIL_TIMEOUT_SECONDS: '3', ...environment });
if (!built) {
  console.warn(
    'SKIPPED src/mail/durability.test.ts: build first (npm run build -w @wsc/server -w @wsc/api); the built server has no mail yet',
  );
}

describe.skipIf(!built).each(targets)('mail survives SIGKILL ($kind)', ({ environment, cleanup }) => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp?.close();
    await cleanup();
  });

  test('after a kill -9 with mails queued and in flight, every mail arrives, a resent one with the same Message-ID', {
    timeout: 120_000,
  }, async () => {
    const env = { ...(await environment()), WSC_SMTP_URL: smtp.url };
    // Each 250 comes 1.5 s after the data: the first mails are in flight when the process dies.
    smtp.answerDelayMilliseconds = 1500;
    const first = await start(env);
    let second: ApiProcess | undefined;
    const addresses: string[] = [];
    try {
      await Promise.all(
        Array.from({ length: MAILS }, async (_, index) => {
          const email = `durable.${index}@example.org`;
          addresses.push(email);
          const answer = await fetch(`${first.url}/v1/auth/signup`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              email,
              password: 'a long enough password',
              displayName: `Durable ${index}`,
              role: 'urban-planner',
            }),
          });
          expect(answer.status).toBe(201);
        }),
      );
      await waitUntil(() => smtp.received.length > 0, 20_000, 'a first mail in flight');
      first.child.kill('SIGKILL');
      await new Promise((resolve) => first.child.once('exit', resolve));
      const beforeRestart = smtp.received.length;
      expect(beforeRestart).toBeLessThan(MAILS);

      smtp.answerDelayMilliseconds = 0;
      second = await start(env);
      await waitUntil(
        () => new Set(smtp.received.map((mail) => mail.to)).size === MAILS,
        60_000,
        `${MAILS} addresses to get their mail`,
      );
      // Settle: a mail sent twice would arrive within a second or two.
      await new Promise((resolve) => setTimeout(resolve, 2000));
    } finally {
      first.child.kill('SIGKILL');
      second?.child.kill('SIGKILL');
    }

    expect(new Set(smtp.received.map((mail) => mail.to))).toEqual(new Set(addresses));
    // One Message-ID per address: whatever was sent again is the same message.
    const idsByAddress = new Map<string, Set<string>>();
    for (const mail of smtp.received) {
      const ids = idsByAddress.get(mail.to) ?? new Set<string>();
      ids.add(mail.parsed.messageId ?? '');
      idsByAddress.set(mail.to, ids);
    }
    for (const [address, ids] of idsByAddress) expect(ids.size, address).toBe(1);
    expect(new Set([...idsByAddress.values()].map((ids) => [...ids][0])).size).toBe(MAILS);
    // Only mails whose 250 the dead process never heard can come twice; every other mail once.
    const counts = new Map<string, number>();
    for (const mail of smtp.received) counts.set(mail.to, (counts.get(mail.to) ?? 0) + 1);
    const twice = [...counts.values()].filter((count) => count > 1);
    expect(twice.every((count) => count === 2)).toBe(true);
    expect(twice.length).toBeLessThanOrEqual(16);
  });
});
