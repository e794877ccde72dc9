import { LANGUAGES } from '@wsc/models';
import { describe, expect, test } from 'vitest';
import { renderMail } from '../template-registry';
import { mailTemplates } from './index';

const context = { publicUrl: 'https://community.example.org', mailId: 'mail_test' };

describe('mail templates', () => {
  test('there are templates to check', () => {
    expect(mailTemplates.list().length).toBeGreaterThanOrEqual(3);
  });

  describe.each(mailTemplates.list().map((template) => ({ name: template.name, template })))(
    '$name',
    ({ template }) => {
      test('has each of the six languages and no other', () => {
        expect(Object.keys(template.languages).sort()).toEqual([...LANGUAGES].sort());
      });

      test.each(LANGUAGES.map((language) => ({ language })))(
        'renders in $language: subject, HTML and text in that language',
        ({ language }) => {
          const input = { ...template.example.data, ...template.example.secrets };
          const mail = renderMail(template, language, input, context);
          expect(mail.subject.trim()).not.toBe('');
          expect(mail.html).toContain(`<html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}">`);
          expect(mail.text.trim()).not.toBe('');
          // Each language says something of its own, not the English words.
          if (language !== 'en') {
            const english = renderMail(template, 'en', input, context);
            expect(mail.subject).not.toBe(english.subject);
            expect(mail.text).not.toBe(english.text);
          }
          // Links start with the public URL, never anything else.
          for (const [, href] of mail.html.matchAll(/href="([^"]+)"/g)) {
            expect(href?.startsWith(`${context.publicUrl}/`)).toBe(true);
          }
        },
      );
    },
  );

  test('HTML escapes what members wrote', () => {
    const template = mailTemplates.get('email-changed')!;
    const mail = renderMail(
      template,
      'en',
      { displayName: '<script>alert(1)</script>', newAddressHint: 'x' },
      context,
    );
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
  });
});
