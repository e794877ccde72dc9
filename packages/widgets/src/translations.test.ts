// Every message in every language: each translations/ folder (the shared one and each widget's)
// has the six UN languages with exactly the English keys, the same {placeholders}, and for
// counted messages every plural form the language needs (Intl.PluralRules). A message missing
// in any language fails here before a reader meets a raw key.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGUAGES } from '@wsc/models';
import { describe, expect, it } from 'vitest';
import type { Message } from './internal/i18n';

const sourceRoot = fileURLToPath(new URL('.', import.meta.url));

function translationFolders(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (!entry.isDirectory()) return [];
    const path = join(folder, entry.name);
    return entry.name === 'translations' ? [path] : translationFolders(path);
  });
}

function placeholders(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  return [
    ...new Set(texts.flatMap((text) => [...(text ?? '').matchAll(/\{(\w+)\}/g)].map((match) => match[1]))),
  ].sort();
}

const folders = translationFolders(sourceRoot);

describe('translations', () => {
  it('finds the shared messages and every widget’s', () => {
    expect(folders.map((folder) => relative(sourceRoot, folder))).toContain('translations');
    expect(folders.length).toBeGreaterThan(1);
  });

  for (const folder of folders) {
    const name = relative(sourceRoot, folder);
    it(`${name}: six languages, the English keys, placeholders and plural forms`, async () => {
      expect(
        readdirSync(folder)
          .filter((file) => file.endsWith('.ts'))
          .sort(),
      ).toEqual(LANGUAGES.map((language) => `${language}.ts`).sort());
      const english = ((await import(join(folder, 'en.ts'))) as { messages: Record<string, Message> })
        .messages;
      for (const language of LANGUAGES) {
        const { messages } = (await import(join(folder, `${language}.ts`))) as {
          messages: Record<string, Message>;
        };
        expect(Object.keys(messages).sort(), `${name}/${language}.ts keys`).toEqual(
          Object.keys(english).sort(),
        );
        const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
        for (const [key, message] of Object.entries(messages)) {
          const source = english[key] as Message;
          expect(placeholders(message), `${name}/${language}.ts ${key} placeholders`).toEqual(
            placeholders(source),
          );
          expect(typeof message, `${name}/${language}.ts ${key} kind`).toBe(typeof source);
          if (typeof message === 'string') {
            expect(message.trim(), `${name}/${language}.ts ${key}`).not.toBe('');
            continue;
          }
          for (const category of categories) {
            expect(
              category === 'other' || category in message,
              `${name}/${language}.ts ${key} lacks the plural form "${category}"`,
            ).toBe(true);
          }
        }
      }
    });
  }
});
