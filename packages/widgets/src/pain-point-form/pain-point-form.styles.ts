import { css } from 'lit';

export const painPointFormStyles = css`
  form {
    display: grid;
    gap: var(--_space);
  }
  .field {
    display: grid;
    gap: calc(var(--_space) / 4);
  }
  label {
    font-weight: 600;
  }
  .required {
    color: var(--_danger);
  }
  .hint {
    font-size: 0.9em;
  }
  textarea {
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    border-width: 2px;
  }
  .summary:empty {
    display: none;
  }
  .summary {
    padding-block: calc(var(--_space) / 2);
    padding-inline: var(--_space);
    border-inline-start: 4px solid var(--_danger);
    background: var(--_surface-alt);
  }
  .summary ul {
    margin-block: calc(var(--_space) / 4) 0;
    padding-inline-start: 1.25em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }
  .confirmation {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding-inline-start: var(--_space);
    border-inline-start: 4px solid var(--_success);
  }
  .created-title {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  [part~='report-another'] {
    justify-self: start;
  }
`;
