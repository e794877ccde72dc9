import { css } from 'lit';

// The colour steps: "none", "low" and "high" keep at least 3:1 contrast with each other in
// light (3.2:1 and 3.6:1) and dark (3.05:1 and 3.8:1) schemes. A fourth step could not: the
// whole luminance range is 21:1, and three steps of 3:1 already take 27:1.
export const painPointMapStyles = css`
  :host {
    --_map-none: var(--wsc-map-color-none, light-dark(#e3e7ec, #262d37));
    --_map-low: var(--wsc-map-color-low, light-dark(#4f83bf, #3b78bd));
    --_map-high: var(--wsc-map-color-high, light-dark(#0a2a52, #dcecff));
  }
  .map {
    position: relative;
  }
  .placeholder {
    aspect-ratio: 2 / 1;
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  svg {
    display: block;
    inline-size: 100%;
    block-size: auto;
  }
  path {
    fill: var(--_map-none);
    stroke: var(--_surface);
    stroke-width: 0.5;
    vector-effect: non-scaling-stroke;
  }
  path.low {
    fill: var(--_map-low);
  }
  path.high {
    fill: var(--_map-high);
  }
  [part~='country'] {
    cursor: pointer;
  }
  [part~='country']:focus {
    outline: none;
  }
  path.halo,
  path.outline {
    fill: none;
    pointer-events: none;
  }
  path.halo {
    stroke: var(--_surface);
    stroke-width: 5;
  }
  path.outline {
    stroke: var(--_focus);
    stroke-width: 2.5;
  }
  .tooltip {
    position: absolute;
    inset-inline-start: var(--x, 50%);
    inset-block-start: var(--y, 50%);
    transform: translate(-50%, calc(-100% - 0.75rem));
    padding-block: 0.25rem;
    padding-inline: 0.5rem;
    background: var(--_text);
    color: var(--_surface);
    border-radius: var(--_radius);
    font-size: 0.875em;
    white-space: nowrap;
    pointer-events: none;
  }
  .tooltip > div {
    display: grid;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) var(--_space);
  }
  .legend ul {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) / 2) var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 0.375rem;
  }
  .swatch {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    border: 1px solid var(--_border);
    border-radius: 0.25rem;
    background: var(--_map-none);
  }
  .swatch.low {
    background: var(--_map-low);
  }
  .swatch.high {
    background: var(--_map-high);
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.5rem;
  }
  th,
  td {
    padding-block: 0.125rem;
    padding-inline: 0.5rem;
    border-block-end: 1px solid var(--_border);
    text-align: start;
  }
  td {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  th[scope='col']:last-child {
    text-align: end;
  }
  button.link {
    min-block-size: 1.5rem;
    min-inline-size: 1.5rem;
    padding-block: 0.125rem;
    padding-inline: 0;
    border: none;
    background: none;
    color: var(--_primary);
    text-align: start;
    text-decoration: underline;
  }
  button.link[aria-current='true'] {
    font-weight: 700;
  }
`;
