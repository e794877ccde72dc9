import { css } from 'lit';

export const signInDialogStyles = css`
  :host {
    /* The element only carries the dialog, which shows in the top layer. */
    display: contents;
  }
  dialog {
    inline-size: min(32rem, calc(100vw - 2rem));
    max-block-size: calc(100dvh - 2rem);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  [part~='base'] {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
  }
  .top {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
  }
  [part~='close'] {
    padding-inline: 0.75rem;
    border-color: transparent;
    font-size: 1.5em;
    line-height: 1;
  }
  [role='tablist'] {
    display: flex;
    gap: 0.25rem;
    border-block-end: 1px solid var(--_border);
  }
  [role='tab'] {
    border: 0;
    border-block-end: 3px solid transparent;
    border-radius: 0;
    color: var(--_text);
  }
  [role='tab'][aria-selected='true'] {
    border-block-end-color: var(--_primary);
    color: var(--_primary);
    font-weight: 600;
  }
  form {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  label {
    font-weight: 600;
  }
  p {
    margin: 0;
  }
  .hint {
    font-size: 0.875em;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  h3 {
    margin: 0 0 calc(var(--_space) * 0.75);
    font-size: 1.1em;
  }
  button.link {
    justify-self: start;
    border-color: transparent;
    padding-inline: 0.25rem;
    text-decoration: underline;
  }
  section {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  dl {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.5rem;
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
`;
