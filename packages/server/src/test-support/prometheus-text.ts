/** One sample line of the Prometheus text format. */
export interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A metric family: its `# TYPE`, `# HELP` and samples. */
export interface PrometheusFamily {
  type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';
  help: string;
  samples: PrometheusSample[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: (-?\d+))?$/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const SUFFIXES: Record<string, readonly string[]> = {
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['_sum', '_count', ''],
  counter: ['', '_total'],
  gauge: [''],
  untyped: [''],
};

function parseValue(text: string, line: string): number {
  if (text === '+Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  if (text === 'NaN') return Number.NaN;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) throw new Error(`bad value in: ${line}`);
  return Number(text);
}

function parseLabels(text: string, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = text;
  while (rest.length > 0) {
    const match = /^([^=]+)="((?:[^"\\\n]|\\[\\"n])*)"(,|$)/.exec(rest);
    if (!match) throw new Error(`bad labels in: ${line}`);
    const [whole, name = '', value = ''] = match;
    if (!LABEL_NAME.test(name) || name in labels) throw new Error(`bad label name "${name}" in: ${line}`);
    labels[name] = value.replace(/\\(.)/g, (_escape, character: string) =>
      character === 'n' ? '\n' : character,
    );
    rest = rest.slice(whole.length);
  }
  return labels;
}

/**
 * Parses the Prometheus text exposition format (0.0.4) strictly: every line must be a HELP, a
 * TYPE or a well-formed sample of a family declared before it, histogram buckets must carry `le`,
 * be cumulative and end at `+Inf` equal to `_count`. Throws on the first fault (tests only).
 *
 * @example
 * const families = parsePrometheusText(await (await fetch(url)).text());
 * families.get('wsc_live_streams_open')?.samples[0]?.value;
 */
export function parsePrometheusText(text: string): Map<string, PrometheusFamily> {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a line feed');
  const families = new Map<string, PrometheusFamily>();
  const helps = new Map<string, string>();
  for (const line of text.slice(0, -1).split('\n')) {
    if (line === '') continue;
    const comment = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
    if (comment) {
      const [, kind, name = '', rest = ''] = comment;
      if (!NAME.test(name)) throw new Error(`bad metric name in: ${line}`);
      if (kind === 'HELP') helps.set(name, rest);
      else {
        if (!TYPES.has(rest)) throw new Error(`bad type in: ${line}`);
        if (families.has(name)) throw new Error(`type declared twice: ${line}`);
        families.set(name, {
          type: rest as PrometheusFamily['type'],
          help: helps.get(name) ?? '',
          samples: [],
        });
      }
      continue;
    }
    if (line.startsWith('#')) continue;
    const sample = SAMPLE.exec(line);
    if (!sample) throw new Error(`not a sample: ${line}`);
    const [, name = '', labelText = '', valueText = ''] = sample;
    const family =
      families.get(name) ??
      [...families.entries()].find(
        ([familyName, candidate]) =>
          name.startsWith(familyName) && SUFFIXES[candidate.type]?.includes(name.slice(familyName.length)),
      )?.[1];
    if (!family) throw new Error(`sample of an undeclared family: ${line}`);
    family.samples.push({ name, labels: parseLabels(labelText, line), value: parseValue(valueText, line) });
  }
  for (const [name, family] of families) {
    family.help ||= helps.get(name) ?? '';
    if (family.type === 'histogram') checkHistogram(name, family.samples);
  }
  return families;
}

function checkHistogram(name: string, samples: PrometheusSample[]): void {
  const series = new Map<string, { buckets: [number, number][]; count?: number }>();
  for (const sample of samples) {
    const { le, ...rest } = sample.labels;
    const key = JSON.stringify(rest);
    const entry = series.get(key) ?? { buckets: [] };
    series.set(key, entry);
    if (sample.name === `${name}_bucket`) {
      if (le === undefined) throw new Error(`${name}_bucket without le`);
      entry.buckets.push([le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le), sample.value]);
    } else if (sample.name === `${name}_count`) entry.count = sample.value;
  }
  for (const [key, { buckets, count }] of series) {
    const last = buckets.at(-1);
    if (!last || last[0] !== Number.POSITIVE_INFINITY || last[1] !== count)
      throw new Error(`${name}${key}: buckets must end at +Inf equal to _count`);
    for (let index = 1; index < buckets.length; index += 1) {
      const [bound, value] = buckets[index] as [number, number];
      const [previousBound, previousValue] = buckets[index - 1] as [number, number];
      if (bound <= previousBound || value < previousValue)
        throw new Error(`${name}${key}: buckets not cumulative`);
    }
  }
}

/**
 * The value of the one sample of `families` named `name` whose labels include `labels`
 * (undefined when none; throws when several match).
 *
 * @example
 * sampleValue(families, 'wsc_live_streams_open'); // 1
 */
export function sampleValue(
  families: Map<string, PrometheusFamily>,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const matches = [...families.values()]
    .flatMap((family) => family.samples)
    .filter(
      (sample) =>
        sample.name === name &&
        Object.entries(labels).every(([label, value]) => sample.labels[label] === value),
    );
  if (matches.length > 1)
    throw new Error(`${matches.length} samples of ${name} match ${JSON.stringify(labels)}`);
  return matches[0]?.value;
}
