import { nothing, svg, type TemplateResult } from 'lit';

/** The three coverage levels, in the order their segments are stacked from the inline start. */
export const LEVELS = ['full', 'partial', 'none'] as const;
export type Level = (typeof LEVELS)[number];

/** One bar: a domain's pain points, counted by coverage level. */
export interface BarRow {
  /** The domain's value (`water`), kept on the row's group as `data-key`. */
  key: string;
  label: string;
  full: number;
  partial: number;
  none: number;
  total: number;
}

const ROW_HEIGHT = 52;
const BAR_OFFSET = 24;
const BAR_HEIGHT = 22;
/** Narrower segments (in % of the chart's width) leave their number to the table: it may not fit. */
const MIN_LABELLED_WIDTH = 6;

/** A length along the bars in % of the chart's width: the bars follow the width, the text keeps its size. */
function percent(value: number): string {
  return `${Number(value.toFixed(3))}%`;
}

/**
 * The patterns of the three levels: solid, striped, dotted with an outline, so that the levels
 * differ in more than hue (WCAG 1.4.1). Defined once per chart; the bars and the legend's
 * swatches refer to them.
 */
export function patterns(): TemplateResult {
  return svg`<defs>
    <pattern id="level-partial" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect class="fill-partial" width="6" height="6"></rect>
      <line class="stripe" x1="0" y1="0" x2="0" y2="6"></line>
    </pattern>
    <pattern id="level-none" width="6" height="6" patternUnits="userSpaceOnUse">
      <rect class="fill-surface" width="6" height="6"></rect>
      <circle class="fill-none" cx="3" cy="3" r="1.3"></circle>
    </pattern>
  </defs>`;
}

/** The fill attribute of a level's segment or swatch (solid levels are filled by the styles). */
export function levelFill(level: Level): string | typeof nothing {
  return level === 'full' ? nothing : `url(#level-${level})`;
}

/**
 * Horizontal stacked bars, one per row, drawn by hand: each row's label above its bar and its
 * total at the inline end. Right to left mirrors the bars (they grow from the right) and the
 * labels; `label` is the chart's text equivalent, the SVG's accessible name.
 *
 * @example
 * html`${coverageBars(rows, { dir: 'rtl', label: summary, format: (n) => i18n.number(n) })}`
 */
export function coverageBars(
  rows: readonly BarRow[],
  options: { dir: 'ltr' | 'rtl'; label: string; format: (value: number) => string },
): TemplateResult {
  const { dir, label, format } = options;
  const rightToLeft = dir === 'rtl';
  const largest = Math.max(1, ...rows.map((row) => row.total));
  // x of a span [start, start + width) measured from the inline start, both in %.
  const place = (start: number, width: number) => (rightToLeft ? 100 - start - width : start);
  const inlineStart = rightToLeft ? '100%' : '0';
  const inlineEnd = rightToLeft ? '0' : '100%';
  return svg`<svg part="chart" class="chart" role="img" aria-label=${label}
      width="100%" height=${rows.length * ROW_HEIGHT}>
    ${rows.map((row, index) => {
      const top = index * ROW_HEIGHT;
      const barTop = top + BAR_OFFSET;
      let start = 0;
      const segments = LEVELS.map((level) => {
        const count = row[level];
        const width = (count / largest) * 100;
        const x = place(start, width);
        start += width;
        if (count === 0) return nothing;
        return svg`<g class="segment segment-${level}" data-count=${count}>
          <rect class="bar bar-${level}" x=${percent(x)} y=${barTop} width=${percent(width)} height=${BAR_HEIGHT}
            fill=${levelFill(level)}></rect>
          ${
            width >= MIN_LABELLED_WIDTH
              ? svg`<text class="count count-${level}" x=${percent(x + width / 2)} y=${barTop + BAR_HEIGHT / 2}
                  text-anchor="middle" dominant-baseline="central">${format(count)}</text>`
              : nothing
          }
        </g>`;
      });
      return svg`<g class="row" data-key=${row.key}>
        <text class="label" x=${inlineStart} y=${top + 16} text-anchor="start">${row.label}</text>
        <text class="total" x=${inlineEnd} y=${top + 16} text-anchor="end">${format(row.total)}</text>
        <line class="baseline" x1="0" x2="100%" y1=${barTop + BAR_HEIGHT + 0.5} y2=${barTop + BAR_HEIGHT + 0.5}></line>
        ${segments}
      </g>`;
    })}
  </svg>`;
}
