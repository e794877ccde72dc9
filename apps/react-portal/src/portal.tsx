import { DOMAINS, type Domain, LANGUAGES, type Language, textDirection } from '@wsc/models';
import { getLocale } from '@wsc/models/locales';
import { WscCoverageChart, WscPainPointBoard } from '@wsc/react';
import type { WscClient } from '@wsc/sdk';
import { useEffect, useState } from 'react';
import { MESSAGES } from './messages';
import { TopPainPointsSection } from './top-pain-points';
import { useTopPainPoints } from './use-top-pain-points';

/** The reader's first browser language the portal speaks, else English. */
function preferredLanguage(): Language {
  for (const tag of navigator.languages) {
    const base = tag.split('-')[0] as Language;
    if (LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

/**
 * The portal: the gap report, the most-voted pain points of each domain (live) and the board of
 * one domain, in the language the reader picks.
 *
 * @example
 * createRoot(root).render(<Portal client={start()} />);
 */
export function Portal({ client }: { client: WscClient }) {
  const [language, setLanguage] = useState<Language>(preferredLanguage);
  const [domain, setDomain] = useState<Domain>(DOMAINS[0]);
  const top = useTopPainPoints(client);
  const messages = MESSAGES[language];
  const labels = getLocale(language);

  // The whole page follows the language: screen readers' voice, and Arabic right to left.
  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = textDirection(language);
    document.title = messages.title;
  }, [language, messages]);

  return (
    <>
      <header className="banner">
        <h1>{messages.title}</h1>
        <p>{messages.intro}</p>
        <label className="field">
          <span>{messages.language}</span>
          <select
            id="language"
            value={language}
            onChange={(change) => setLanguage(change.target.value as Language)}
          >
            {LANGUAGES.map((option) => (
              <option key={option} value={option} lang={option}>
                {getLocale(option).languageName}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main>
        <section aria-labelledby="gap-heading">
          <h2 id="gap-heading">{messages.gapReport}</h2>
          <p>{messages.gapReportIntro}</p>
          <WscCoverageChart lang={language} />
        </section>
        <TopPainPointsSection top={top} language={language} messages={messages} />
        <section aria-labelledby="board-heading">
          <h2 id="board-heading">{messages.board}</h2>
          <label className="field">
            <span>{messages.boardDomain}</span>
            <select
              id="board-domain"
              value={domain}
              onChange={(change) => setDomain(change.target.value as Domain)}
            >
              {DOMAINS.map((option) => (
                <option key={option} value={option}>
                  {labels.domains[option]}
                </option>
              ))}
            </select>
          </label>
          <WscPainPointBoard domain={domain} sort="top" lang={language} />
        </section>
      </main>
    </>
  );
}
