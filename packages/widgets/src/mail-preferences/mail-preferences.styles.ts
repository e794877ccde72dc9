import { css } from 'lit';

export const mailPreferencesStyles = css`
  dl {
    display: grid;
    gap: calc(var(--_space) / 4);
    margin: 0;
  }
  dl > div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5rem;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .confirmed {
    color: var(--_success);
  }
  .unconfirmed {
    color: var(--_danger);
  }
  [part~='send-again'],
  [part~='sign-in'],
  [part~='save'] {
    justify-self: start;
  }
  [part~='resend-status']:empty,
  [part~='status']:empty {
    display: none;
  }
  form {
    display: grid;
    gap: var(--_space);
  }
  fieldset {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin: 0;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  legend {
    padding-inline: 0.25rem;
    font-weight: 600;
  }
  .domains {
    grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr));
  }
  .domains > legend,
  .domains > p {
    grid-column: 1 / -1;
  }
  .check {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 2.75rem;
    cursor: pointer;
  }
  input[type='checkbox'] {
    flex: none;
    inline-size: 1.5rem;
    block-size: 1.5rem;
    min-block-size: 1.5rem;
    margin: 0;
    padding: 0;
    accent-color: var(--_primary);
  }
  fieldset[disabled] .check {
    cursor: not-allowed;
    opacity: 0.7;
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }
`;
