import { css } from 'lit';

/**
 * Tokens and building blocks every widget shares. Partners theme through the custom properties
 * (`--wsc-color-primary`, `--wsc-font-family`, `--wsc-radius`, `--wsc-spacing`…), light and dark
 * follow the page's `color-scheme`, and layout uses logical properties only so that Arabic
 * mirrors without a single `left` or `right`.
 */
export const baseStyles = css`
  :host {
    --_primary: var(--wsc-color-primary, light-dark(#0b57a4, #8cc4ff));
    --_on-primary: var(--wsc-color-on-primary, light-dark(#ffffff, #001a33));
    --_text: var(--wsc-color-text, light-dark(#1b1f24, #eef1f5));
    --_muted: var(--wsc-color-muted, light-dark(#4d5661, #b7c0cb));
    --_surface: var(--wsc-color-surface, light-dark(#ffffff, #161b22));
    --_surface-alt: var(--wsc-color-surface-alt, light-dark(#f3f5f8, #222a35));
    --_border: var(--wsc-color-border, light-dark(#7b8591, #6e7a88));
    --_danger: var(--wsc-color-danger, light-dark(#b3261e, #ffb4ab));
    --_success: var(--wsc-color-success, light-dark(#1d6b35, #8fdba5));
    --_focus: var(--wsc-color-focus, light-dark(#0b57a4, #8cc4ff));
    --_radius: var(--wsc-radius, 0.5rem);
    --_space: var(--wsc-spacing, 1rem);
    display: block;
    color-scheme: light dark;
    color: var(--_text);
    font-family: var(--wsc-font-family, system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans Arabic', 'Noto Sans CJK SC', sans-serif);
    font-size: var(--wsc-font-size, 1rem);
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  * {
    box-sizing: border-box;
  }
  [part~='base'] {
    background: var(--_surface);
    color: var(--_text);
    border-radius: var(--_radius);
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    min-block-size: 2.75rem;
    min-inline-size: 2.75rem;
    padding-block: 0.5rem;
    padding-inline: 1rem;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary);
    cursor: pointer;
  }
  button.primary {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  button[disabled] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  input,
  select,
  textarea {
    min-block-size: 2.75rem;
    padding-block: 0.5rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    inline-size: 100%;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--_primary);
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .error {
    color: var(--_danger);
  }
  .muted {
    color: var(--_muted);
  }
  @media (prefers-reduced-motion: no-preference) {
    .animated {
      transition: background-color 0.3s ease, transform 0.2s ease;
    }
  }
`;

/**
 * The bordered panel of the widgets that are a block of their own (form, directory, map, mail
 * preferences): the base part as a grid, its heading and paragraphs without margins.
 */
export const panelStyles = css`
  [part~='base'] {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
  }
  p {
    margin: 0;
  }
`;
