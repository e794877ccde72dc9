import { DOMAINS, type Domain, type PainPointView } from '@wsc/models';
import { isKnownWebhookEvent, type LiveEvent, type WscClient } from '@wsc/sdk';
import { useEffect, useState } from 'react';
import { applyVote, mayEnter, TOP_COUNT } from './ranking';

/** A pain point that climbed in, or into, a domain's top: what the live region says. */
export interface RankChange {
  domain: Domain;
  painPoint: PainPointView;
  /** 1-based. */
  rank: number;
  entered: boolean;
}

export type TopLists = Partial<Record<Domain, PainPointView[]>>;

export interface TopPainPoints {
  status: 'loading' | 'ready' | 'failed';
  lists: TopLists;
  /** The last change of order, for the live region. */
  change: RankChange | undefined;
  /** Whether the live stream is connected. */
  connected: boolean;
}

/** The pain point that moved up (or came in) between two versions of a list. */
function climber(domain: Domain, before: readonly PainPointView[], after: readonly PainPointView[]) {
  for (const [index, painPoint] of after.entries()) {
    const previous = before.findIndex((other) => other.id === painPoint.id);
    if (previous === -1 || previous > index)
      return { domain, painPoint, rank: index + 1, entered: previous === -1 } satisfies RankChange;
  }
  return undefined;
}

/**
 * The top pain points of every domain by votes, kept current through the live stream: a vote
 * re-ranks the list it is in, a fall or a pain point from outside refetches only its domain.
 *
 * @example
 * const { lists, change } = useTopPainPoints(client);
 */
export function useTopPainPoints(client: WscClient): TopPainPoints {
  const [state, setState] = useState<TopPainPoints>({
    status: 'loading',
    lists: {},
    change: undefined,
    connected: false,
  });

  useEffect(() => {
    let lists: TopLists = {};
    const controller = new AbortController();
    // A later fetch of a domain wins over an earlier one still under way.
    const generation = new Map<Domain, number>();

    const update = (domain: Domain, list: PainPointView[]) => {
      const change = lists[domain] ? climber(domain, lists[domain], list) : undefined;
      lists = { ...lists, [domain]: list };
      setState((previous) => ({ ...previous, lists, change: change ?? previous.change }));
    };

    const fetchDomain = async (domain: Domain) => {
      const mine = (generation.get(domain) ?? 0) + 1;
      generation.set(domain, mine);
      const page = await client.painPoints.list(
        { domain, sort: 'top', limit: TOP_COUNT },
        { signal: controller.signal },
      );
      if (generation.get(domain) === mine) update(domain, page.data);
    };

    const refetch = (domain: Domain) => fetchDomain(domain).catch(() => {});

    const onVote = async (painPointId: string, voteCount: number) => {
      let found = false;
      for (const domain of DOMAINS) {
        const list = lists[domain];
        if (!list) continue;
        const outcome = applyVote(list, { painPointId, voteCount });
        if (outcome.kind === 'untouched') continue;
        found = true;
        if (outcome.kind === 'stale') void refetch(domain);
        else update(domain, outcome.list);
      }
      if (found || !mayEnter(Object.values(lists), voteCount)) return;
      // The event names the pain point only: its domain tells which list to fetch again.
      const painPoint = await client.painPoints.get(painPointId, { signal: controller.signal });
      if ((DOMAINS as readonly string[]).includes(painPoint.domain))
        await refetch(painPoint.domain as Domain);
    };

    const onEvent = (event: LiveEvent) => {
      if (!isKnownWebhookEvent(event)) return;
      switch (event.type) {
        case 'pain_point.voted':
          void onVote(event.data.painPointId, event.data.voteCount).catch(() => {});
          break;
        case 'pain_point.created':
        case 'pain_point.updated':
          for (const domain of DOMAINS)
            if (domain === event.data.domain || lists[domain]?.some((other) => other.id === event.data.id))
              void refetch(domain);
          break;
      }
    };

    // Subscribed before the first fetch, so that no vote falls between the two.
    const subscription = client.live.subscribe(['votes', 'pain-points'], onEvent, {
      signal: controller.signal,
      onOpen: () => setState((previous) => ({ ...previous, connected: true })),
      onError: () => setState((previous) => ({ ...previous, connected: false })),
    });
    Promise.all(DOMAINS.map(fetchDomain)).then(
      () => setState((previous) => ({ ...previous, status: 'ready' })),
      () => {
        if (!controller.signal.aborted) setState((previous) => ({ ...previous, status: 'failed' }));
      },
    );
    return () => {
      controller.abort();
      subscription.close();
    };
  }, [client]);

  return state;
}
