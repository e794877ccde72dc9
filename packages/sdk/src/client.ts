import axios, { type AxiosInstance } from 'axios';
import { ApiPromise } from './api-promise';
import { WscError } from './errors/wsc-error';
import { Hooks } from './hooks';
import { createIdempotencyKey } from './idempotency';
import { Live } from './live/live';
import type { ClientOptions, Nothing, RequestOptions, WscPlugin } from './options';
import type { HttpMethod, ResponseSchema, WscRequest, WscResponse } from './request';
import { Auth } from './resources/auth';
import { Comments } from './resources/comments';
import { Coverage } from './resources/coverage';
import { Events } from './resources/events';
import { Me } from './resources/me';
import { Organizations } from './resources/organizations';
import { PainPoints } from './resources/pain-points';
import { Partner } from './resources/partner';
import { Sso } from './resources/sso';
import { Stakeholders } from './resources/stakeholders';
import { Standards } from './resources/standards';
import { WebhookEndpoints } from './resources/webhook-endpoints';
import { sendWithAxios } from './transport';
import { clientHeader } from './version';

/** One API call, as resources describe it to `client.request`. */
export interface RequestDescriptor<Data = unknown> {
  method: HttpMethod;
  /** Concrete path under the base URL (`/v1/pain-points/pp_1`). */
  path: string;
  /** Path template (`/v1/pain-points/{id}`); defaults to `path`. */
  route?: string;
  query?: object | undefined;
  body?: unknown;
  /** Schema of the 2xx body, used when validation is on. */
  schema?: ResponseSchema<Data> | undefined;
  responseType?: 'json' | 'text';
}

const MUTATING: ReadonlySet<HttpMethod> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const DEFAULT_TIMEOUT = 30_000;

type UnionToIntersection<Union> = (Union extends unknown ? (value: Union) => void : never) extends (
  value: infer Intersection,
) => void
  ? Intersection
  : never;
type PluginAdditions<Plugins extends readonly WscPlugin[]> = UnionToIntersection<
  Exclude<ReturnType<Plugins[number]>, Nothing>
>;
// biome-ignore lint/suspicious/noExplicitAny: TypeScript mixin constructors must accept `any[]`.
type Constructor<Instance> = new (...args: any[]) => Instance;

/**
 * The typed client of the World Smart City Community API.
 *
 * @example
 * import { WscClient } from '@wsc/sdk';
 *
 * const client = new WscClient({ baseURL: 'https://community.example.org', publishableKey: 'pk_live_…', locale: 'fr' });
 * const page = await client.painPoints.list({ domain: 'water', limit: 10 });
 * for await (const standard of client.standards.list({ body: 'ISO' })) console.log(standard.reference);
 */
export class WscClient {
  /** Plugins applied by the constructor, in order; `plugin()` returns a subclass with more. */
  static plugins: WscPlugin[] = [];

  /** Request hooks: `before`, `after`, `error`, `wrap`. */
  readonly hook: Hooks;
  readonly painPoints: PainPoints;
  readonly comments: Comments;
  readonly standards: Standards;
  readonly coverage: Coverage;
  readonly stakeholders: Stakeholders;
  readonly organizations: Organizations;
  readonly events: Events;
  readonly me: Me;
  readonly auth: Auth;
  readonly sso: Sso;
  readonly webhookEndpoints: WebhookEndpoints;
  readonly partner: Partner;
  /** Live updates over Server-Sent Events. */
  readonly live: Live;

  readonly #options: ClientOptions;
  readonly #axios: AxiosInstance;
  /** Headers of every request, computed once: they change only with the options. */
  readonly #baseHeaders: Readonly<Record<string, string>>;
  #lastToken: string | undefined;

  constructor(options: ClientOptions) {
    if (!options?.baseURL)
      throw new WscError('WscClient needs a baseURL, e.g. https://community.example.org');
    if (options.secretKey && !options.dangerouslyAllowBrowser && isBrowser()) {
      throw new WscError(
        'A secret key (sk_…) must not be used in a browser: use a publishable key or an SSO token',
      );
    }
    this.#options = { ...options, baseURL: options.baseURL.replace(/\/+$/, '') };
    this.#axios = axios.create({ baseURL: this.#options.baseURL });
    this.#baseHeaders = baseHeaders(this.#options);
    this.hook = new Hooks((request) =>
      sendWithAxios(
        { axios: this.#axios, authHeaders: () => this.#authHeaders(), secrets: () => this.#secrets() },
        request,
      ),
    );
    this.painPoints = new PainPoints(this);
    this.comments = new Comments(this);
    this.standards = new Standards(this);
    this.coverage = new Coverage(this);
    this.stakeholders = new Stakeholders(this);
    this.organizations = new Organizations(this);
    this.events = new Events(this);
    this.me = new Me(this);
    this.auth = new Auth(this);
    this.sso = new Sso(this);
    this.webhookEndpoints = new WebhookEndpoints(this);
    this.partner = new Partner(this);
    this.live = new Live({
      baseURL: this.#options.baseURL,
      headers: async () => ({ ...this.#baseHeaders, ...(await this.#authHeaders()) }),
    });
    for (const plugin of (this.constructor as typeof WscClient).plugins) {
      const additions = plugin(this, options);
      if (additions) Object.assign(this, additions);
    }
  }

  /**
   * Returns a client class with the given plugins applied after those it already has. The
   * class it is called on is left unchanged.
   *
   * @example
   * import { retry } from '@wsc/plugin-retry';
   * import { cache } from '@wsc/plugin-cache';
   *
   * const MyClient = WscClient.plugin(retry, cache);
   * const client = new MyClient({ baseURL, retry: { retries: 3 }, cache: { maxEntries: 200 } });
   */
  static plugin<
    Self extends Constructor<WscClient> & { plugins: WscPlugin[] },
    const Plugins extends WscPlugin[],
  >(this: Self, ...plugins: Plugins): Self & Constructor<PluginAdditions<Plugins>> {
    // biome-ignore lint/complexity/noThisInStatic: the plugins of the class `plugin` is called on.
    const current = this.plugins;
    const added = plugins.filter((plugin) => !current.includes(plugin));
    // biome-ignore lint/complexity/noThisInStatic: extend the class `plugin` is called on, as Octokit does.
    return class extends this {
      static override plugins = [...current, ...added];
    } as Self & Constructor<PluginAdditions<Plugins>>;
  }

  /** The options the client was created with (plugins read their own options here). */
  get options(): Readonly<ClientOptions> {
    return this.#options;
  }

  /**
   * Sends one request through the hooks and returns the (validated) body; `withResponse()` on
   * the result gives the status, headers and request id too. Resources use it; it is public for
   * routes the SDK does not wrap yet.
   *
   * @example
   * const health = await client.request({ method: 'GET', path: '/health' });
   * const { requestId } = await client.request({ method: 'GET', path: '/ready' }).withResponse();
   */
  request<Data = unknown>(
    descriptor: RequestDescriptor<Data>,
    options: RequestOptions = {},
  ): ApiPromise<Data> {
    return new ApiPromise(this.#send(descriptor, options));
  }

  async #send<Data>(
    descriptor: RequestDescriptor<Data>,
    options: RequestOptions,
  ): Promise<WscResponse<Data>> {
    const headers: Record<string, string> = { ...this.#baseHeaders, ...options.headers };
    if (MUTATING.has(descriptor.method)) {
      headers['idempotency-key'] = options.idempotencyKey ?? createIdempotencyKey();
    }
    const validate = options.validate ?? this.#options.validate ?? true;
    const request: WscRequest = {
      method: descriptor.method,
      path: descriptor.path,
      route: descriptor.route ?? descriptor.path,
      query: { ...(descriptor.query as WscRequest['query']) },
      body: descriptor.body,
      headers,
      signal: options.signal,
      timeout: options.timeout ?? this.#options.timeout ?? DEFAULT_TIMEOUT,
      schema: validate ? descriptor.schema : undefined,
      responseType: descriptor.responseType ?? 'json',
      retryCount: 0,
      options,
    };
    return (await this.hook.run(request)) as WscResponse<Data>;
  }

  async #authHeaders(): Promise<Record<string, string>> {
    const headers: Record<string, string> = {};
    const token = this.#options.getToken ? await this.#options.getToken() : this.#options.token;
    this.#lastToken = token ?? undefined;
    const bearer = token || this.#options.secretKey;
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    if (this.#options.publishableKey) headers['x-wsc-publishable-key'] = this.#options.publishableKey;
    return headers;
  }

  #secrets(): string[] {
    const { token, secretKey, publishableKey } = this.#options;
    return [token, secretKey, publishableKey, this.#lastToken].filter((value): value is string => !!value);
  }
}

function baseHeaders(options: ClientOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const client = clientHeader();
  if (client) headers['x-wsc-client'] = client;
  Object.assign(headers, options.headers);
  if (options.locale) headers['accept-language'] = options.locale;
  return headers;
}

function isBrowser(): boolean {
  return typeof window !== 'undefined' && typeof window.document !== 'undefined';
}
