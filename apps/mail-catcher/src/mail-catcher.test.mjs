import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startMailCatcher } from './mail-catcher.mjs';

describe('the mail catcher', () => {
  let catcher;
  beforeAll(async () => {
    catcher = await startMailCatcher({ host: '127.0.0.1', webPort: 0, smtpPort: 0 });
  });
  afterAll(() => catcher?.close());

  test('keeps a mail sent over SMTP and shows it: list, page, its HTML sandboxed, attachments', async () => {
    const transport = createTransport(catcher.smtpUrl);
    await transport.sendMail({
      from: 'World Smart City Community <no-reply@example.org>',
      to: 'layla@example.org',
      subject: 'أكّد عنوان بريدك الإلكتروني',
      text: 'مرحبًا ليلى،',
      html: '<!doctype html><html lang="ar" dir="rtl"><body><p>مرحبًا ليلى،</p><script>alert(1)</script></body></html>',
      headers: { 'Content-Language': 'ar' },
      attachments: [
        {
          filename: 'forum.ics',
          content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
          contentType: 'text/calendar',
        },
      ],
    });
    transport.close();

    const list = await fetch(`${catcher.webUrl}/`);
    expect(list.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(list.headers.get('content-security-policy')).toContain("default-src 'none'");
    const listed = await list.text();
    expect(listed).toContain('أكّد عنوان بريدك الإلكتروني');
    expect(listed).toContain('layla@example.org');

    const [message] = await (await fetch(`${catcher.webUrl}/api/messages`)).json();
    expect(message.language).toBe('ar');
    const page = await (await fetch(`${catcher.webUrl}/messages/${message.id}`)).text();
    expect(page).toContain(
      `<iframe sandbox title="The mail as its reader sees it" src="/messages/${message.id}/html">`,
    );
    expect(page).toContain('<pre dir="auto" lang="ar">مرحبًا ليلى،');
    expect(page).toContain('forum.ics');

    const html = await fetch(`${catcher.webUrl}/messages/${message.id}/html`);
    expect(html.headers.get('content-security-policy')).toMatch(/^sandbox;/);
    expect(await html.text()).toContain('<html lang="ar" dir="rtl">');
    const attachment = await fetch(`${catcher.webUrl}/messages/${message.id}/attachments/0`);
    expect(attachment.headers.get('content-type')).toBe('text/calendar');
    expect(await attachment.text()).toContain('BEGIN:VCALENDAR');
    expect((await fetch(`${catcher.webUrl}/messages/999`)).status).toBe(404);
  });
});
