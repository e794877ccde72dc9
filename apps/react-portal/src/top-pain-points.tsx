import { DOMAINS, type Language, resolveText } from '@wsc/models';
import { getLocale } from '@wsc/models/locales';
import { format, type Messages, votes } from './messages';
import type { TopPainPoints } from './use-top-pain-points';

interface TopPainPointsSectionProps {
  top: TopPainPoints;
  language: Language;
  messages: Messages;
}

/**
 * The most-voted pain points of every domain, one list each, with a live region that says which
 * pain point climbed when a vote changes an order.
 *
 * @example
 * <TopPainPointsSection top={useTopPainPoints(client)} language="fr" messages={MESSAGES.fr} />
 */
export function TopPainPointsSection({ top, language, messages }: TopPainPointsSectionProps) {
  const labels = getLocale(language);
  const change = top.change;
  const announcement = change
    ? format(change.entered ? messages.entered : messages.moved, {
        title: resolveText(change.painPoint.title, language).text,
        rank: new Intl.NumberFormat(language).format(change.rank),
        domain: labels.domains[change.domain],
      })
    : '';
  return (
    <section aria-labelledby="top-heading" className="top" aria-busy={top.status === 'loading'}>
      <h2 id="top-heading">{messages.topPainPoints}</h2>
      <p>
        {messages.topPainPointsIntro}{' '}
        <span className={top.connected ? 'connection live' : 'connection'}>
          {top.connected ? messages.live : messages.offline}
        </span>
      </p>
      <p role="status" className="visually-hidden" data-testid="announcement">
        {announcement}
      </p>
      {top.status === 'loading' && <p>{messages.loading}</p>}
      {top.status === 'failed' && <p role="alert">{messages.failed}</p>}
      <div className="domains">
        {DOMAINS.map((domain) => {
          const list = top.lists[domain];
          if (!list) return null;
          return (
            <section key={domain} aria-labelledby={`top-${domain}`} className="domain" data-domain={domain}>
              <h3 id={`top-${domain}`}>{labels.domains[domain]}</h3>
              {list.length === 0 ? (
                <p>{messages.empty}</p>
              ) : (
                <ol>
                  {list.map((painPoint) => {
                    const title = resolveText(painPoint.title, language);
                    return (
                      <li key={painPoint.id} data-pain-point-id={painPoint.id}>
                        <span className="title" lang={title.language}>
                          {title.text}
                        </span>{' '}
                        <span className="votes" data-votes={painPoint.voteCount}>
                          {votes(language, messages, painPoint.voteCount)}
                        </span>
                      </li>
                    );
                  })}
                </ol>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}
