import { css } from 'lit';

export const coverageChartStyles = css`
  :host {
    /* Each level at least 3:1 against the surface, light and dark, and each drawn differently. */
    --_full: var(--wsc-chart-full, light-dark(#0b57a4, #8cc4ff));
    --_partial: var(--wsc-chart-partial, light-dark(#8a4b00, #ffb866));
    --_none: var(--wsc-chart-none, light-dark(#b3261e, #ffb4ab));
  }
  [part~='base'] {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_border);
    justify-items: start;
  }
  h2,
  h3,
  p {
    margin: 0;
  }
  h2 {
    font-size: 1.25em;
  }
  h3 {
    font-size: 1.1em;
  }
  .defs {
    position: absolute;
  }
  .bodies {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .bodies legend {
    padding: 0;
    margin-block-end: 0.25rem;
    font-weight: 600;
  }
  .bodies label span {
    display: inline-flex;
    align-items: center;
    min-block-size: 2.75rem;
    min-inline-size: 2.75rem;
    justify-content: center;
    padding-inline: 1rem;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    color: var(--_primary);
    cursor: pointer;
  }
  .bodies input:checked + span {
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  .bodies input:focus-visible + span {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .figure,
  .chart {
    inline-size: 100%;
  }
  .chart {
    display: block;
    max-inline-size: 48rem;
    overflow: visible;
  }
  .label {
    fill: var(--_text);
    font-weight: 600;
  }
  .total {
    fill: var(--_muted);
  }
  .baseline {
    stroke: var(--_border);
  }
  .bar {
    stroke: var(--_surface);
    stroke-width: 1;
  }
  .bar-full,
  .fill-full {
    fill: var(--_full);
  }
  .fill-partial {
    fill: var(--_partial);
  }
  .fill-none {
    fill: var(--_none);
  }
  .fill-surface {
    fill: var(--_surface);
  }
  .stripe {
    stroke: var(--_surface);
    stroke-width: 2;
  }
  .bar-none {
    stroke: var(--_none);
    stroke-width: 1.5;
  }
  .count {
    font-weight: 700;
    paint-order: stroke;
    stroke-width: 4px;
    stroke-linejoin: round;
  }
  .count-full {
    fill: var(--_surface);
    stroke: var(--_full);
  }
  .count-partial {
    fill: var(--_surface);
    stroke: var(--_partial);
  }
  .count-none {
    fill: var(--_text);
    stroke: var(--_surface);
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem var(--_space);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
  }
  .table {
    border-collapse: collapse;
  }
  .table caption {
    text-align: start;
    font-weight: 600;
    padding-block-end: 0.25rem;
  }
  .table th,
  .table td {
    padding-block: 0.25rem;
    padding-inline: 0.5rem;
    border-block-end: 1px solid var(--_border);
    text-align: start;
  }
  .table td {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .gaps {
    display: grid;
    gap: 0.25rem;
  }
  .gaps ol {
    margin: 0;
    padding-inline-start: 1.5rem;
  }
`;
