import type { TokenProvider } from '@wsc/sdk';
import { WscClient } from '@wsc/sdk';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import {
  CONFIG_CHANGE_EVENT,
  configElementFor,
  globalConfig,
  sessionToken,
  type WidgetConfig,
} from './config';
import { chooseLanguage } from './i18n';
import { baseStyles } from './styles';

/** The `<wsc-config>` element's JavaScript-only setting (a function cannot be an attribute). */
interface ConfigElement extends Element {
  getToken?: TokenProvider;
}

/**
 * What every community widget shares: its configuration (own attributes, then the nearest
 * `<wsc-config>`, then `configure()` and the embed script), an SDK client built from it, and
 * the signed-in member. Subclasses add a `Translator` and render.
 */
export class WscElement extends LitElement {
  static override styles = [baseStyles];

  /** Language of the widget (ar, zh, en, fr, ru, es); absent: the page's, then the browser's. */
  @property({ reflect: true }) override lang!: string;
  /** Origin of the community API; absent: the configured one. */
  @property({ attribute: 'api-url' }) apiUrl: string | undefined;
  /** The partner's publishable key; absent: the configured one. */
  @property({ attribute: 'publishable-key' }) publishableKey: string | undefined;
  /**
   * A member's token handed by the partner (a page rendered for one signed-in member, after its
   * single sign-on); kept in memory only. Prefer `getToken` on pages that are cached or shared.
   */
  @property() token: string | undefined;
  /** Called when an action needs a member: the partner's single sign-on. Never stored. */
  @property({ attribute: false }) getToken: TokenProvider | undefined;

  #client: WscClient | undefined;
  #clientKey = '';

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(CONFIG_CHANGE_EVENT, this.#onConfigChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener(CONFIG_CHANGE_EVENT, this.#onConfigChange);
  }

  readonly #onConfigChange = () => {
    this.requestUpdate();
    this.configurationChanged();
  };

  /** Called when the page's configuration or signed-in member changes (reload what depends on the member). */
  protected configurationChanged(): void {}

  /** The merged configuration: own attributes, then `<wsc-config>`, then `configure()`/the embed script. */
  protected config(): WidgetConfig {
    const element = configElementFor(this) as ConfigElement | null;
    const fromElement: WidgetConfig = element
      ? {
          apiUrl: element.getAttribute('api-url') ?? undefined,
          publishableKey: element.getAttribute('publishable-key') ?? undefined,
          lang: element.getAttribute('lang') ?? undefined,
          getToken: element.getToken,
        }
      : {};
    const global = globalConfig();
    return {
      apiUrl: this.apiUrl || fromElement.apiUrl || global.apiUrl || window.location.origin,
      publishableKey: this.publishableKey || fromElement.publishableKey || global.publishableKey,
      lang: fromElement.lang || global.lang,
      token: this.token ?? global.token,
      getToken: this.getToken ?? fromElement.getToken ?? global.getToken,
      embedUrl: global.embedUrl,
    };
  }

  /** The language the configuration asks for, read by the widget's `Translator`. */
  configuredLanguage(): string | undefined {
    return this.config().lang;
  }

  /**
   * The SDK client of this widget, rebuilt when its API origin, key or language changes. It asks
   * the API for the widget's own language (`Accept-Language`), so community text and problem
   * titles come back in the language the reader sees.
   */
  protected get client(): WscClient {
    const config = this.config();
    const language = chooseLanguage(this, config.lang);
    const key = `${config.apiUrl}\n${config.publishableKey ?? ''}\n${language}`;
    if (!this.#client || key !== this.#clientKey) {
      this.#clientKey = key;
      this.#client = new WscClient({
        baseURL: (config.apiUrl ?? '').replace(/\/+$/, ''),
        publishableKey: config.publishableKey,
        locale: language,
        getToken: () => this.memberToken(),
      });
    }
    return this.#client;
  }

  /** The member's token: the element's, the configured one, the partner's `getToken`, or the community sign-in's. */
  protected async memberToken(): Promise<string | undefined> {
    const config = this.config();
    if (config.token) return config.token;
    const fromPartner = config.getToken ? await config.getToken() : undefined;
    return fromPartner || sessionToken();
  }

  /** True when a member is known without asking anyone (a token, a partner hook, or an earlier sign-in). */
  protected hasMember(): boolean {
    const config = this.config();
    return Boolean(config.token || config.getToken || sessionToken());
  }

  /**
   * Makes sure a member acts: true at once when one is known, else opens the community's
   * sign-in and join dialog and resolves once the reader signed in (false when they closed it).
   */
  protected async ensureSignedIn(): Promise<boolean> {
    if (this.hasMember() && (await this.memberToken())) return true;
    const { openSignIn } = await import('../sign-in/open-sign-in');
    return openSignIn(this, this.client);
  }

  /** Dispatches a typed, bubbling, composed event from the element. */
  protected emit<Detail>(type: string, detail: Detail): boolean {
    return this.dispatchEvent(
      new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: true }),
    );
  }
}
