import { css } from 'lit';

/** Styles of the board and its detail dialog (logical properties only: Arabic mirrors). */
export const boardStyles = css`
  [part~='base'] {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
  }
  h2,
  h3,
  p {
    margin: 0;
  }
  h2 {
    font-size: 1.375em;
  }
  h3 {
    font-size: 1.125em;
  }
  ol,
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  label {
    display: block;
    font-weight: 600;
  }
  .filters {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
    align-items: end;
  }
  .search {
    grid-column: 1 / -1;
  }
  .results {
    display: grid;
    gap: var(--_space);
  }
  .card {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding: calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  button.title {
    display: inline;
    min-block-size: 1.5rem;
    min-inline-size: 1.5rem;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_primary);
    font-weight: 700;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    font-size: 0.9em;
  }
  .badge {
    padding-inline: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
  }
  .vote {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  .vote-button[aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .more {
    justify-self: center;
  }
  .problem,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2);
  }
  dialog {
    inline-size: min(44rem, calc(100vw - 2rem));
    max-block-size: calc(100dvh - 2rem);
    overflow: auto;
    border: 1px solid var(--_border);
    box-shadow: 0 0.5rem 2rem rgb(0 0 0 / 0.35);
  }
  dialog:not([open]) {
    display: none;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .dialog-header {
    display: flex;
    align-items: start;
    justify-content: space-between;
    gap: var(--_space);
  }
  section {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  section > button {
    justify-self: start;
  }
  .description,
  .comment-body {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .reference {
    font-weight: 700;
  }
  .report {
    justify-self: start;
  }
  fieldset {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .comment-form {
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  .comment-form button {
    justify-self: start;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
`;
