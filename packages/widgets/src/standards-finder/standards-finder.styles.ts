import { css } from 'lit';

export const standardsFinderStyles = css`
  [part~='base'] {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
  }
  h2,
  h3,
  h4,
  p {
    margin: 0;
  }
  h2 {
    font-size: 1.25em;
  }
  h3 {
    font-size: 1.1em;
  }
  h4 {
    font-size: 1em;
    margin-block-start: calc(var(--_space) / 2);
  }
  form {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: calc(var(--_space) / 2) var(--_space);
    align-items: start;
  }
  form button {
    grid-column: 1 / -1;
    justify-self: start;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    align-content: start;
  }
  label {
    font-weight: 600;
  }
  .hint {
    font-size: 0.875em;
  }
  .results {
    display: grid;
    gap: var(--_space);
    justify-items: start;
  }
  .list {
    display: grid;
    gap: var(--_space);
    justify-self: stretch;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .standard {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  h3 a,
  h3 span {
    display: inline-block;
    min-block-size: 1.5rem;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem var(--_space);
    margin-block: 0.5rem 0;
    margin-inline: 0;
  }
  .facts div {
    display: flex;
    gap: 0.25rem;
  }
  dt {
    color: var(--_muted);
  }
  dt::after {
    content: ':';
  }
  dd {
    margin: 0;
  }
  .pain-points {
    margin-block: 0.25rem 0;
    padding-inline-start: 1.25rem;
  }
`;
