// `npm run bench` (issue #18): mails per second from the queue to a local SMTP server, against
// a bare nodemailer loop sending the same messages in the same run. The queue's run is the whole
// path of a queued mail: claim (FOR UPDATE SKIP LOCKED), render in the reader's language, send
// over SMTP, record the attempt and the log row. The baseline sends the same rendered messages
// through the same pooled transport with as many in flight as the worker has connections (16), and nothing
// else. Both send to one SMTP server in this process that accepts everything. Rounds alternate
// (baseline, queue, baseline, queue…); the best round of each is reported. PGlite always,
// PostgreSQL too when TEST_DATABASE_URL is set. BENCH_SCALE=small: 200 mails a round.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer } from '@wsc/server';
import { enqueueMail, mailTemplates, renderMail } from '@wsc/server/admin';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { recordResult } from '../../../scripts/bench/results.mjs';
import { table } from './report.mjs';
import { createScratchDatabase } from './scratch-database.mjs';

const small = process.env.BENCH_SCALE === 'small';
const MAILS = small ? 200 : 1000;
const ROUNDS = small ? 2 : 3;
const BATCH = 16;
const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
const TARGET = { of: 'ratio', comparator: '>=', limit: 0.8 };

function log(message) {
  process.stderr.write(`[mail] ${message}\n`);
}

/** An SMTP server that takes every message and counts it (no parsing: the sink must not be the bottleneck). */
async function startSink() {
  let accepted = 0;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('end', () => {
        accepted += 1;
        callback();
      });
      stream.resume();
    },
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${server.server.address().port}`,
    accepted: () => accepted,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const template = mailTemplates.get('email-confirmation');
const mailOf = (index) => ({
  address: `reader${index}@example.org`,
  language: LANGUAGES[index % LANGUAGES.length],
  data: { displayName: `Reader ${index}`, expiresInHours: 48 },
  secrets: { token: `wsc_conf_bench${index}` },
});

/** The bare loop: the same rendered messages, `BATCH` in flight through one pooled transport. */
async function bareLoop(sink, publicUrl) {
  const messages = Array.from({ length: MAILS }, (_, index) => {
    const mail = mailOf(index);
    const rendered = renderMail(
      template,
      mail.language,
      { ...mail.data, ...mail.secrets },
      {
        publicUrl,
        mailId: `mail_bare${index}`,
      },
    );
    return {
      from: 'World Smart City Community <no-reply@example.org>',
      to: mail.address,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId: `<mail_bare${index}@example.org>`,
      headers: { 'Content-Language': mail.language },
    };
  });
  const transport = createTransport({ url: sink.url, pool: true, maxConnections: BATCH, maxMessages: 1000 });
  const before = sink.accepted();
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: BATCH }, async () => {
      while (next < messages.length) {
        const message = messages[next];
        next += 1;
        await transport.sendMail(message);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  if (sink.accepted() - before !== MAILS) throw new Error('the bare loop lost mail');
  return MAILS / seconds;
}

/** The queue: `MAILS` queued (not timed), then drained by the mail worker (timed). */
async function queueRound(app, sink) {
  await app.db.deleteFrom('mail_attempts').execute();
  await app.db.deleteFrom('mail_outbox').execute();
  await app.db.transaction().execute(async (trx) => {
    for (let index = 0; index < MAILS; index += 1) {
      const mail = mailOf(index);
      await enqueueMail(trx, {
        template,
        to: { address: mail.address, language: mail.language },
        data: mail.data,
        secrets: mail.secrets,
      });
    }
  });
  const before = sink.accepted();
  const started = performance.now();
  const sent = await app.mailWorker.drain();
  const seconds = (performance.now() - started) / 1000;
  if (sent !== MAILS || sink.accepted() - before !== MAILS)
    throw new Error(`the queue sent ${sent} of ${MAILS}`);
  return MAILS / seconds;
}

async function measure(kind, sink) {
  const folder = kind === 'pglite' ? mkdtempSync(path.join(os.tmpdir(), 'wsc-bench-mail-')) : null;
  const scratch = kind === 'postgres' ? await createScratchDatabase('mail') : null;
  const publicUrl = 'https://community.example.org';
  const app = await createServer({
    logLevel: 'silent',
    rateLimit: false,
    webhookWorker: false,
    publicUrl,
    ...(folder ? { dataDirectory: folder } : { databaseUrl: scratch.url }),
    // Driven by hand: drain() is the timed part.
    // Its defaults: 64 mails claimed a round, 16 SMTP connections (the baseline's 16 in flight).
    mail: { smtpUrl: sink.url, from: 'World Smart City Community <no-reply@example.org>', worker: false },
  });
  const bare = [];
  const queue = [];
  try {
    // One unmeasured round each warms the connections and the JIT.
    await bareLoop(sink, publicUrl);
    await queueRound(app, sink);
    for (let round = 0; round < ROUNDS; round += 1) {
      bare.push(await bareLoop(sink, publicUrl));
      queue.push(await queueRound(app, sink));
      log(`${kind} round ${round + 1}: bare ${bare.at(-1).toFixed(0)}/s, queue ${queue.at(-1).toFixed(0)}/s`);
    }
  } finally {
    await app.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
    await scratch?.drop();
  }
  return { kind, bare: Math.max(...bare), queue: Math.max(...queue) };
}

const sink = await startSink();
const kinds = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
const results = [];
try {
  for (const kind of kinds) results.push(await measure(kind, sink));
} finally {
  await sink.close();
}

process.stdout.write(
  `\nMail: ${MAILS} mails a round (six languages), ${BATCH} in flight, best of ${ROUNDS} rounds\n${table(
    results.map((result) => ({
      database: result.kind,
      'queue mails/s': result.queue.toFixed(0),
      'bare nodemailer mails/s': result.bare.toFixed(0),
      ratio: (result.queue / result.bare).toFixed(2),
    })),
    ['database', 'queue mails/s', 'bare nodemailer mails/s', 'ratio'],
  )}\n`,
);
for (const result of results) {
  recordResult({
    suite: '@wsc/server mail',
    figure: `mails per second from the queue to a local SMTP server (#18), ${result.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}`,
    value: Number(result.queue.toFixed(1)),
    unit: 'mails/s',
    baseline: Number(result.bare.toFixed(1)),
    baselineName: 'bare nodemailer loop',
    target: TARGET,
  });
}
