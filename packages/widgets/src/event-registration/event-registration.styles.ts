import { css } from 'lit';

export const eventRegistrationStyles = css`
  [part~='base'] {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    padding: var(--_space);
    border: 1px solid var(--_border);
  }
  h2 {
    margin: 0;
    font-size: 1.25em;
  }
  p,
  ul {
    margin: 0;
  }
  ul {
    padding-inline-start: 1.25rem;
  }
  p:empty {
    display: none;
  }
  .event {
    display: grid;
  }
  [part~='seats'] {
    font-weight: 600;
  }
  [part~='status'].confirmed {
    color: var(--_success);
    font-weight: 600;
  }
  [part~='eligibility'] {
    display: grid;
    gap: 0.25rem;
  }
  summary {
    cursor: pointer;
    min-block-size: 1.5rem;
    color: var(--_primary);
  }
  form,
  .confirm {
    display: grid;
    gap: calc(var(--_space) / 2);
    margin-block-start: calc(var(--_space) / 2);
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  label {
    font-weight: 600;
  }
  form button {
    justify-self: start;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
`;
