import {
  DOMAINS,
  type Domain,
  LANGUAGES,
  type Language,
  PAIN_POINT_DESCRIPTION_MAX_LENGTH,
  PAIN_POINT_TITLE_MAX_LENGTH,
  type PainPointCreateInput,
  type PainPointView,
  SEVERITIES,
  type Severity,
} from '@wsc/models';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { countryOptions } from '../internal/countries';
import { errorMessageKey, fieldErrors } from '../internal/errors';
import { Translator } from '../internal/i18n';
import { panelStyles } from '../internal/styles';
import { WscElement } from '../internal/wsc-element';
import { painPointFormStyles } from './pain-point-form.styles';
import type { PainPointFormMessages } from './translations/en';

/** Detail of `wsc-pain-point-created`: the pain point as the API answered it. */
export interface PainPointCreatedDetail {
  painPoint: PainPointView;
}

/** The fields of the form, in the order they are shown (the first invalid one gets the focus). */
const FIELDS = ['title', 'description', 'language', 'domain', 'severity', 'city', 'country'] as const;
type Field = (typeof FIELDS)[number];
type Values = Record<Field, string>;

// CityNameSchema's limit (@wsc/models exports no constant for it).
const CITY_MAX_LENGTH = 120;

/**
 * @tagname wsc-pain-point-form
 * @summary Reports a pain point: title and description in the reader's language (or another
 * of the six), domain, severity, city and country. The server's field errors show at their
 * fields, with a summary read out by screen readers; what the reader typed is never lost.
 *
 * @csspart base - The whole form or, once sent, the confirmation.
 * @csspart heading - The heading.
 * @csspart summary - The live region that sums up what went wrong.
 * @csspart form - The `<form>`.
 * @csspart field - Each label with its control, hint and error.
 * @csspart field-error - The server's message under a field.
 * @csspart submit - The send button.
 * @csspart confirmation - What the reader sees once the pain point is reported.
 * @csspart report-another - The button that opens a blank form again.
 *
 * @cssproperty --wsc-color-primary - Accent colour of buttons and focus.
 * @cssproperty --wsc-color-surface - Background.
 * @cssproperty --wsc-color-danger - Colour of errors.
 * @cssproperty --wsc-color-success - Colour of the confirmation.
 * @cssproperty --wsc-font-family - Font of every text.
 * @cssproperty --wsc-radius - Corner radius.
 * @cssproperty --wsc-spacing - Base spacing.
 *
 * @event wsc-pain-point-created - The pain point was reported; `detail.painPoint` holds it as the API answered.
 */
export class WscPainPointForm extends WscElement {
  static override styles = [...WscElement.styles, panelStyles, painPointFormStyles];

  /** Domain chosen when the form opens (`water`…); the reader may change it. */
  @property() domain = '';
  /** City filled in when the form opens (a partner city's own page); the reader may change it. */
  @property() city = '';
  /** ISO 3166-1 alpha-2 country chosen when the form opens (`SG`); the reader may change it. */
  @property() country = '';

  @state() private sending = false;
  /** The last failed attempt: field errors are worked out from it at each render, in the language shown. */
  @state() private failure: unknown;
  /** Set when the reader did not sign in when asked. */
  @state() private signInRefused = false;
  @state() private created: PainPointView | undefined;

  // Not reactive: the controls hold what is typed; this copy survives re-renders and errors.
  private values: Values = this.blankValues();
  private touched = false;

  private readonly i18n = new Translator<PainPointFormMessages>(this, {
    ar: () => import('./translations/ar'),
    zh: () => import('./translations/zh'),
    en: () => import('./translations/en'),
    fr: () => import('./translations/fr'),
    ru: () => import('./translations/ru'),
    es: () => import('./translations/es'),
  });

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (!this.touched && (changed.has('domain') || changed.has('city') || changed.has('country'))) {
      this.values = this.blankValues();
    }
  }

  protected override configurationChanged(): void {
    if (this.signInRefused && this.hasMember()) this.signInRefused = false;
  }

  private blankValues(): Values {
    return {
      title: '',
      description: '',
      language: '',
      domain: this.domain ?? '',
      severity: 'medium',
      city: this.city ?? '',
      country: (this.country ?? '').toUpperCase(),
    };
  }

  /** The language the reader writes in: the one they picked, else the one the widget speaks. */
  private textLanguage(): Language {
    return (this.values.language || this.i18n.lang) as Language;
  }

  private readonly onInput = (event: Event) => {
    const control = event.target as HTMLInputElement;
    const name = control.name as Field;
    if (!FIELDS.includes(name)) return;
    this.values[name] = control.value;
    this.touched = true;
    // The title and description say which language they hold.
    if (name === 'language') this.requestUpdate();
  };

  private readonly onSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.sending) return;
    this.sending = true;
    this.failure = undefined;
    this.signInRefused = false;
    try {
      if (!(await this.ensureSignedIn())) {
        this.signInRefused = true;
        return;
      }
      const painPoint = await this.client.painPoints.create(this.payload());
      this.created = painPoint;
      this.values = this.blankValues();
      this.touched = false;
      this.emit<PainPointCreatedDetail>('wsc-pain-point-created', { painPoint });
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#confirmation')?.focus();
    } catch (error) {
      this.failure = error;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    } finally {
      this.sending = false;
    }
  };

  private payload(): PainPointCreateInput {
    const { title, description, domain, severity, city, country } = this.values;
    const language = this.textLanguage();
    return {
      title: { [language]: title },
      description: { [language]: description },
      language,
      // An empty domain reaches the server only when the browser's own check is bypassed; its answer says so.
      domain: domain as Domain,
      severity: severity as Severity,
      // A blank city is no city; anything else goes as typed, for the server to judge.
      ...(city.trim() ? { city } : {}),
      ...(country ? { country } : {}),
    };
  }

  private readonly reportAnother = async () => {
    this.created = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#field-title')?.focus();
  };

  /** The server's field errors by form field; errors on other paths (`slug`, the whole body) under `''`. */
  private errorsByField(): Map<Field | '', string[]> {
    const byField = new Map<Field | '', string[]>();
    const i18n = this.i18n;
    for (const [path, message] of fieldErrors(this.failure, (key) => i18n.t(key), i18n.lang)) {
      // `title.fr` is the title field; `language` errors name the language select.
      const head = path.split('.')[0] as Field;
      const field: Field | '' = FIELDS.includes(head) ? head : '';
      byField.set(field, [...(byField.get(field) ?? []), message]);
    }
    return byField;
  }

  override render() {
    const i18n = this.i18n;
    if (!i18n.ready) return html`<div part="base" aria-busy="true"></div>`;
    if (this.created) return this.renderConfirmation(this.created);
    const errors = this.errorsByField();
    const values = this.values;
    const textLanguage = this.textLanguage();
    const languageNames = new Intl.DisplayNames(i18n.lang, { type: 'language' });
    return html`<section part="base" dir=${i18n.dir} lang=${i18n.lang} aria-labelledby="heading">
      <h2 part="heading" id="heading">${i18n.t('heading')}</h2>
      <p class="muted">${i18n.t('requiredNote')}</p>
      <div part="summary" class="summary" role="alert">${this.renderSummary(errors)}</div>
      <form
        part="form"
        aria-busy=${this.sending ? 'true' : 'false'}
        @input=${this.onInput}
        @change=${this.onInput}
        @submit=${this.onSubmit}
      >
        ${this.field(
          'title',
          errors,
          html`<input
            id="field-title"
            name="title"
            type="text"
            required
            maxlength=${PAIN_POINT_TITLE_MAX_LENGTH}
            lang=${textLanguage}
            dir="auto"
            autocomplete="off"
            .value=${live(values.title)}
            aria-invalid=${errors.has('title') ? 'true' : 'false'}
            aria-describedby=${this.describedBy('title', errors, true)}
          />`,
          { required: true, hint: i18n.t('titleHint') },
        )}
        ${this.field(
          'description',
          errors,
          html`<textarea
            id="field-description"
            name="description"
            required
            rows="6"
            maxlength=${PAIN_POINT_DESCRIPTION_MAX_LENGTH}
            lang=${textLanguage}
            dir="auto"
            .value=${live(values.description)}
            aria-invalid=${errors.has('description') ? 'true' : 'false'}
            aria-describedby=${this.describedBy('description', errors, true)}
          ></textarea>`,
          { required: true, hint: i18n.t('descriptionHint') },
        )}
        ${this.field(
          'language',
          errors,
          this.select(
            'language',
            errors,
            LANGUAGES.map((language) => [language, languageNames.of(language) ?? language] as const),
            textLanguage,
          ),
        )}
        ${this.field(
          'domain',
          errors,
          this.select(
            'domain',
            errors,
            [
              ['', i18n.t('chooseDomain')],
              ...DOMAINS.map((domain) => [domain, i18n.label('domains', domain)] as const),
            ],
            values.domain,
            true,
          ),
          { required: true },
        )}
        ${this.field(
          'severity',
          errors,
          this.select(
            'severity',
            errors,
            SEVERITIES.map((severity) => [severity, i18n.label('severities', severity)] as const),
            values.severity,
          ),
        )}
        ${this.field(
          'city',
          errors,
          html`<input
            id="field-city"
            name="city"
            type="text"
            maxlength=${CITY_MAX_LENGTH}
            dir="auto"
            autocomplete="address-level2"
            .value=${live(values.city)}
            aria-invalid=${errors.has('city') ? 'true' : 'false'}
            aria-describedby=${this.describedBy('city', errors)}
          />`,
        )}
        ${this.field(
          'country',
          errors,
          this.select(
            'country',
            errors,
            [
              ['', i18n.t('noCountry')],
              ...countryOptions(i18n.lang).map(({ code, name }) => [code, name] as const),
            ],
            values.country,
          ),
        )}
        <div class="actions">
          <button part="submit" class="primary" type="submit" aria-disabled=${this.sending ? 'true' : 'false'}>
            ${this.sending ? i18n.t('sending') : i18n.t('submit')}
          </button>
        </div>
      </form>
    </section>`;
  }

  private renderSummary(errors: Map<Field | '', string[]>) {
    const i18n = this.i18n;
    if (this.signInRefused) return html`<p class="error">${i18n.t('error.signInRequired')}</p>`;
    if (!this.failure) return nothing;
    if (errors.size === 0) return html`<p class="error">${i18n.t(errorMessageKey(this.failure))}</p>`;
    const listed = FIELDS.filter((field) => errors.has(field));
    const other = errors.get('') ?? [];
    return html`<p class="error">${i18n.t('form.errorSummary', { count: listed.length + other.length })}</p>
      <ul class="error">
        ${listed.map((field) => html`<li>${i18n.t(field)}: ${errors.get(field)?.join(' ')}</li>`)}
        ${other.map((message) => html`<li>${message}</li>`)}
      </ul>`;
  }

  private describedBy(field: Field, errors: Map<Field | '', string[]>, hint = false) {
    const ids = [hint ? `hint-${field}` : '', errors.has(field) ? `error-${field}` : ''].filter(Boolean);
    return ifDefined(ids.length ? ids.join(' ') : undefined);
  }

  private field(
    field: Field,
    errors: Map<Field | '', string[]>,
    control: TemplateResult,
    { required = false, hint }: { required?: boolean; hint?: string } = {},
  ) {
    const messages = errors.get(field);
    return html`<div part="field" class="field">
      <label for=${`field-${field}`}
        >${this.i18n.t(field)}${required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</label
      >
      ${hint ? html`<p class="muted hint" id=${`hint-${field}`}>${hint}</p>` : nothing} ${control}
      ${messages ? html`<p part="field-error" class="error" id=${`error-${field}`}>${messages.join(' ')}</p>` : nothing}
    </div>`;
  }

  private select(
    field: Field,
    errors: Map<Field | '', string[]>,
    options: readonly (readonly [string, string])[],
    value: string,
    required = false,
  ) {
    // `.selected` on each option rather than `.value` on the select: the options render after it.
    return html`<select
      id=${`field-${field}`}
      name=${field}
      ?required=${required}
      aria-invalid=${errors.has(field) ? 'true' : 'false'}
      aria-describedby=${this.describedBy(field, errors)}
    >
      ${options.map(
        ([optionValue, label]) =>
          html`<option value=${optionValue} .selected=${live(optionValue === value)}>${label}</option>`,
      )}
    </select>`;
  }

  private renderConfirmation(painPoint: PainPointView) {
    const i18n = this.i18n;
    const title = i18n.text(painPoint.title);
    return html`<section part="base" dir=${i18n.dir} lang=${i18n.lang} aria-labelledby="confirmation">
      <div part="confirmation" class="confirmation" role="status">
        <h2 part="heading" id="confirmation" tabindex="-1">${i18n.t('created')}</h2>
        <p class="created-title"><bdi lang=${title.lang}>${title.text}</bdi></p>
        <p class="muted">${i18n.t('createdHint')}</p>
      </div>
      <button part="report-another" type="button" @click=${this.reportAnother}>${i18n.t('reportAnother')}</button>
    </section>`;
  }
}
