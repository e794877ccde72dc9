import { css } from 'lit';

export const stakeholderDirectoryStyles = css`
  h3 {
    margin: 0;
    font-size: 1.05em;
    overflow-wrap: anywhere;
  }
  .filters {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
    gap: calc(var(--_space) / 2) var(--_space);
    align-items: end;
  }
  .field {
    display: grid;
    gap: calc(var(--_space) / 4);
  }
  .search {
    grid-column: 1 / -1;
  }
  .search-row {
    display: flex;
    gap: calc(var(--_space) / 2);
  }
  label {
    font-weight: 600;
  }
  [part~='list'] {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
    gap: var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='stakeholder'] {
    display: grid;
    align-content: start;
    gap: calc(var(--_space) / 4);
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  [part~='status']:empty {
    display: none;
  }
  .problem {
    display: grid;
    justify-items: start;
    gap: calc(var(--_space) / 2);
  }
  [part~='load-more'] {
    justify-self: center;
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }
`;
