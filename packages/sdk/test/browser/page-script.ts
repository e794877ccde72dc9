// The script of the page that src/browser.test.ts opens in Chromium. It is bundled with esbuild
// for the browser from the built package (`@wsc/sdk` resolves to dist/index.js), so the test sees
// exactly what a partner's web page gets. Each scenario returns plain JSON for `page.evaluate`.
import { type LiveEvent, ValidationError, WscClient, WscError } from '@wsc/sdk';

/** What the test hands the page: where the API is and the partner's publishable key. */
export interface PageConfig {
  baseURL: string;
  publishableKey: string;
}

const draft = (city: string) => ({
  title: { en: `Flooded underpasses in ${city}` },
  description: { en: 'Underpasses flood after every heavy rain.' },
  domain: 'water' as const,
  city,
  country: 'SG',
});

const seen: LiveEvent[] = [];

const scenarios = {
  /** One page with the publishable key only. */
  async listFirstPage(config: PageConfig) {
    const client = new WscClient(config);
    const page = await client.painPoints.list({ sort: 'new', limit: 2 });
    return { ids: page.data.map((item) => item.id), hasNext: page.nextCursor !== null };
  },

  /** Every pain point, two per request, with `for await`. */
  async iterateAll(config: PageConfig) {
    const client = new WscClient(config);
    const ids: string[] = [];
    for await (const painPoint of client.painPoints.list({ sort: 'new', limit: 2 })) ids.push(painPoint.id);
    return ids;
  },

  /** Sign-up, then a pain point and a vote with the member's token. */
  async signUpCreateAndVote(config: PageConfig, email: string) {
    const session = await new WscClient(config).auth.signup({
      email,
      password: 'correct horse battery staple',
      displayName: 'Browser Member',
      role: 'urban-planner',
    });
    const member = new WscClient({ ...config, token: session.token });
    const created = await member.painPoints.create(draft('Browser City'));
    const vote = await member.painPoints.vote(created.id);
    return { accountId: session.accountId, id: created.id, city: created.city, vote };
  },

  /** Bad input: the error is a ValidationError naming the failing fields. */
  async refusedInput(config: PageConfig, email: string) {
    const session = await new WscClient(config).auth.signup({
      email,
      password: 'correct horse battery staple',
      displayName: 'Browser Member',
      role: 'urban-planner',
    });
    const member = new WscClient({ ...config, token: session.token });
    try {
      // @ts-expect-error -- a domain the API does not know, on purpose.
      await member.painPoints.create({ ...draft('Nowhere'), title: { en: '' }, domain: 'lava' });
      return { thrown: false };
    } catch (error) {
      return {
        thrown: true,
        isValidationError: error instanceof ValidationError,
        isWscError: WscError.is(error),
        name: error instanceof Error ? error.name : typeof error,
        status: WscError.is(error) ? error.status : undefined,
        paths: error instanceof ValidationError ? error.errors.map((field) => field.path) : [],
        leaksToken: String((error as Error).message).includes(session.token),
      };
    }
  },

  /** Starts following pain points; resolves once the stream is open. */
  liveOpen(config: PageConfig) {
    return new Promise<boolean>((resolve, reject) => {
      new WscClient(config).live.subscribe('pain-points', (event) => seen.push(event), {
        onOpen: () => resolve(true),
        onError: (error) => reject(new Error(error.message)),
      });
    });
  },

  /** Waits for a live event that mentions `id`; returns its type. */
  async liveWaitFor(id: string, timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const event = seen.find((item) => JSON.stringify(item.data).includes(id));
      if (event) return { type: event.type, hasId: event.id !== undefined };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { type: null, received: seen.map((item) => item.type) };
  },
};

export type Scenarios = typeof scenarios;

declare global {
  interface Window {
    scenarios: Scenarios;
  }
}

window.scenarios = scenarios;
