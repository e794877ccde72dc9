#!/usr/bin/env node
// The local inbox of `npm start`: SMTP on MAIL_CATCHER_SMTP_PORT (default 1025), the web page on
// MAIL_CATCHER_PORT (default 1080), both on HOST (default 127.0.0.1). Prints the page's URL, then
// the SMTP URL to give the API as WSC_SMTP_URL. Mail lives in memory only.
import { startMailCatcher } from './src/mail-catcher.mjs';

const host = process.env.HOST || '127.0.0.1';
const shownHost = ['127.0.0.1', '0.0.0.0', '::'].includes(host) ? 'localhost' : host;
const catcher = await startMailCatcher({
  host,
  webPort: Number(process.env.MAIL_CATCHER_PORT || 1080),
  smtpPort: Number(process.env.MAIL_CATCHER_SMTP_PORT || 1025),
});
process.stdout.write(
  `Mail catcher listening on http://${shownHost}:${catcher.webPort} (SMTP ${catcher.smtpUrl})\n`,
);
const stop = () => catcher.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
