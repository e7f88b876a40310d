import parsePrometheusTextFormat from 'parse-prometheus-text-format';

/** One metric family as parse-prometheus-text-format reads it (prom2json's shape). */
export interface MetricFamily {
  name: string;
  help: string;
  type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
  metrics: { value?: string; count?: string; sum?: string; buckets?: Record<string, string>; labels?: Record<string, string> }[];
}

/** The families of a /metrics body, by name; a body the parser cannot read fails the test. */
export function parseMetrics(body: string): Map<string, MetricFamily> {
  const families = parsePrometheusTextFormat(body) as MetricFamily[];
  return new Map(families.map((f) => [f.name, f]));
}

/**
 * The value of the sample of `name` whose labels include `labels` (a histogram's count), or
 * undefined when there is none.
 */
export function sampleValue(families: Map<string, MetricFamily>, name: string, labels: Record<string, string> = {}): number | undefined {
  const family = families.get(name);
  const sample = family?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
  if (!sample) return undefined;
  return Number(sample.value ?? sample.count);
}
