import {
  type Organization,
  STAKEHOLDER_ROLES,
  type Stakeholder,
  type StakeholderListParamsInput,
  type StakeholderRole,
} from '@wsc/models';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { countryOptions } from '../internal/countries';
import { errorMessageKey } from '../internal/errors';
import { Translator } from '../internal/i18n';
import { panelStyles } from '../internal/styles';
import { WscElement } from '../internal/wsc-element';
import { stakeholderDirectoryStyles } from './stakeholder-directory.styles';
import type { StakeholderDirectoryMessages } from './translations/en';

interface Filters {
  role: string;
  country: string;
  organization: string;
  q: string;
}

/**
 * @tagname wsc-stakeholder-directory
 * @summary The community's stakeholders: search by name, city or biography and narrow by role,
 * country and organisation; each shows their name, role, country and organisation. Pages load
 * with "Show more".
 *
 * @csspart base - The directory.
 * @csspart heading - The heading.
 * @csspart filters - The search form.
 * @csspart status - The live line that says how many stakeholders are shown.
 * @csspart list - The list of stakeholders.
 * @csspart stakeholder - One stakeholder.
 * @csspart name - A stakeholder's display name.
 * @csspart empty - What shows when nothing matches.
 * @csspart load-more - The "Show more" button.
 *
 * @cssproperty --wsc-color-primary - Accent colour of buttons and focus.
 * @cssproperty --wsc-color-surface - Background.
 * @cssproperty --wsc-color-surface-alt - Background of each stakeholder.
 * @cssproperty --wsc-font-family - Font of every text.
 * @cssproperty --wsc-radius - Corner radius.
 * @cssproperty --wsc-spacing - Base spacing.
 */
export class WscStakeholderDirectory extends WscElement {
  static override styles = [...WscElement.styles, panelStyles, stakeholderDirectoryStyles];

  /**
   * Stakeholder role shown first (`urban-planner`…); the reader may change it. Not `role`: that
   * attribute is the host's ARIA role (`urban-planner` is no valid one, axe's `aria-roles` fails
   * the page) and `role` is the standard ARIA property of every element.
   */
  @property({ attribute: 'stakeholder-role' }) stakeholderRole = '';
  /** ISO 3166-1 alpha-2 country shown first (`CH`); the reader may change it. */
  @property() country = '';
  /** Organisation id or slug shown first (`iec`); the reader may change it. */
  @property() organization = '';
  /** Stakeholders per page (1 to 100). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 20;

  @state() private filters: Filters = { role: '', country: '', organization: '', q: '' };
  @state() private items: Stakeholder[] = [];
  @state() private nextCursor: string | null = null;
  @state() private loading = true;
  @state() private error: unknown;
  @state() private organizations = new Map<string, Organization>();

  #generation = 0;
  #organizationsRequested = new Set<string>();

  private readonly i18n = new Translator<StakeholderDirectoryMessages>(this, {
    ar: () => import('./translations/ar'),
    zh: () => import('./translations/zh'),
    en: () => import('./translations/en'),
    fr: () => import('./translations/fr'),
    ru: () => import('./translations/ru'),
    es: () => import('./translations/es'),
  });

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!this.hasUpdated || changed.has('apiUrl') || changed.has('publishableKey')) {
      void this.loadOrganizations();
    }
    if (
      changed.has('stakeholderRole') ||
      changed.has('country') ||
      changed.has('organization') ||
      changed.has('pageSize') ||
      changed.has('apiUrl') ||
      changed.has('publishableKey')
    ) {
      this.filters = {
        ...this.filters,
        role: this.stakeholderRole ?? '',
        country: (this.country ?? '').toUpperCase(),
        organization: this.organization ?? '',
      };
      void this.load();
    }
  }

  private async loadOrganizations(): Promise<void> {
    try {
      const page = await this.client.organizations.list({ limit: 100 });
      this.organizations = new Map([
        ...this.organizations,
        ...page.data.map((item) => [item.id, item] as const),
      ]);
    } catch {
      // The directory still works without names for the organisation filter.
    }
  }

  /** Reads the organisations named by stakeholders that the first page of organisations did not hold. */
  private async loadMissingOrganizations(stakeholders: readonly Stakeholder[]): Promise<void> {
    const missing = [
      ...new Set(stakeholders.map((stakeholder) => stakeholder.organizationId).filter(Boolean) as string[]),
    ].filter((id) => !this.organizations.has(id) && !this.#organizationsRequested.has(id));
    for (const id of missing) this.#organizationsRequested.add(id);
    const found = await Promise.all(
      missing.map((id) => this.client.organizations.get(id).catch(() => undefined)),
    );
    const known = found.filter((item): item is Organization => Boolean(item));
    if (known.length) {
      this.organizations = new Map([...this.organizations, ...known.map((item) => [item.id, item] as const)]);
    }
  }

  private async load(more = false): Promise<void> {
    const generation = ++this.#generation;
    const { role, country, organization, q } = this.filters;
    const params: StakeholderListParamsInput = {
      limit: Math.min(100, Math.max(1, Math.trunc(this.pageSize) || 20)),
      ...(role ? { role: role as StakeholderRole } : {}),
      ...(country ? { country } : {}),
      ...(organization ? { organization } : {}),
      ...(q.trim() ? { q: q.trim() } : {}),
      ...(more && this.nextCursor ? { cursor: this.nextCursor } : {}),
    };
    const shown = more ? this.items.length : 0;
    this.loading = true;
    this.error = undefined;
    if (!more) this.items = [];
    try {
      const page = await this.client.stakeholders.list(params);
      if (generation !== this.#generation) return;
      this.items = more ? [...this.items, ...page.data] : page.data;
      this.nextCursor = page.nextCursor;
      void this.loadMissingOrganizations(page.data);
    } catch (error) {
      if (generation === this.#generation) this.error = error;
    } finally {
      if (generation === this.#generation) this.loading = false;
    }
    if (more && generation === this.#generation && this.items.length > shown) {
      // Keyboard and screen-reader users carry on from the first stakeholder just added.
      await this.updateComplete;
      this.renderRoot.querySelectorAll<HTMLElement>('[part~="name"]')[shown]?.focus();
    }
  }

  private setFilter(name: keyof Filters, value: string): void {
    this.filters = { ...this.filters, [name]: value };
  }

  private readonly onChange = (event: Event) => {
    const control = event.target as HTMLSelectElement;
    if (control.localName !== 'select') return;
    this.setFilter(control.name as keyof Filters, control.value);
    void this.load();
  };

  private readonly onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    this.setFilter('q', (form.elements.namedItem('q') as HTMLInputElement).value);
    void this.load();
  };

  /** The selected organisation's id: the `organization` attribute may name it by slug. */
  private selectedOrganization(): string {
    const wanted = this.filters.organization;
    for (const organization of this.organizations.values()) {
      if (organization.id === wanted || organization.slug === wanted) return organization.id;
    }
    return wanted;
  }

  override render() {
    const i18n = this.i18n;
    if (!i18n.ready) return html`<div part="base" aria-busy="true"></div>`;
    const filters = this.filters;
    const organizationId = this.selectedOrganization();
    const organizations = [...this.organizations.values()].sort((left, right) =>
      left.name.localeCompare(right.name, i18n.lang),
    );
    return html`<section part="base" dir=${i18n.dir} lang=${i18n.lang} aria-labelledby="heading">
      <h2 part="heading" id="heading">${i18n.t('heading')}</h2>
      <form part="filters" class="filters" role="search" @change=${this.onChange} @submit=${this.onSubmit}>
        <div class="field search">
          <label for="filter-q">${i18n.t('searchLabel')}</label>
          <div class="search-row">
            <input id="filter-q" name="q" type="search" maxlength="200" .value=${live(filters.q)} />
            <button type="submit">${i18n.t('search')}</button>
          </div>
        </div>
        <div class="field">
          <label for="filter-role">${i18n.t('role')}</label>
          <select id="filter-role" name="role">
            <option value="" .selected=${live(!filters.role)}>${i18n.t('allOption')}</option>
            ${STAKEHOLDER_ROLES.map(
              (role) =>
                html`<option value=${role} .selected=${live(filters.role === role)}>
                  ${i18n.label('stakeholderRoles', role)}
                </option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="filter-country">${i18n.t('country')}</label>
          <select id="filter-country" name="country">
            <option value="" .selected=${live(!filters.country)}>${i18n.t('allOption')}</option>
            ${countryOptions(i18n.lang).map(
              ({ code, name }) =>
                html`<option value=${code} .selected=${live(filters.country === code)}>${name}</option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="filter-organization">${i18n.t('organization')}</label>
          <select id="filter-organization" name="organization">
            <option value="" .selected=${live(!filters.organization)}>${i18n.t('allOption')}</option>
            ${organizations.map(
              (organization) =>
                html`<option value=${organization.id} .selected=${live(organizationId === organization.id)}>
                  ${organization.name}
                </option>`,
            )}
          </select>
        </div>
      </form>
      ${this.renderResults()}
    </section>`;
  }

  private renderResults() {
    const i18n = this.i18n;
    if (this.error) {
      return html`<div class="problem">
        <p class="error" role="alert">${i18n.t(errorMessageKey(this.error))}</p>
        <button type="button" @click=${() => this.load()}>${i18n.t('retry')}</button>
      </div>`;
    }
    const items = this.items;
    const busy = this.loading;
    return html`<p part="status" class="muted" role="status">
        ${
          busy && !items.length
            ? i18n.t('loading')
            : items.length
              ? i18n.t('shown', { count: items.length })
              : nothing
        }
      </p>
      ${!busy && !items.length ? html`<p part="empty" class="empty">${i18n.t('empty')}</p>` : nothing}
      <ul part="list" aria-busy=${busy ? 'true' : 'false'} aria-labelledby="heading">
        ${items.map((stakeholder) => this.renderStakeholder(stakeholder))}
      </ul>
      ${
        this.nextCursor
          ? html`<button
            part="load-more"
            type="button"
            aria-disabled=${busy ? 'true' : 'false'}
            @click=${() => {
              if (!this.loading) void this.load(true);
            }}
          >
            ${busy ? i18n.t('loading') : i18n.t('loadMore')}
          </button>`
          : nothing
      }`;
  }

  private renderStakeholder(stakeholder: Stakeholder) {
    const i18n = this.i18n;
    const organization = stakeholder.organizationId
      ? this.organizations.get(stakeholder.organizationId)
      : undefined;
    const country = stakeholder.country ? i18n.region(stakeholder.country) : '';
    const place =
      stakeholder.city && country
        ? i18n.t('place', { city: stakeholder.city, country })
        : stakeholder.city || country;
    return html`<li part="stakeholder">
      <h3 part="name" tabindex="-1"><bdi>${stakeholder.displayName}</bdi></h3>
      <p class="role">${i18n.label('stakeholderRoles', stakeholder.role)}</p>
      ${place ? html`<p class="muted">${place}</p>` : nothing}
      ${organization ? html`<p class="muted"><bdi>${organization.name}</bdi></p>` : nothing}
    </li>`;
  }
}
