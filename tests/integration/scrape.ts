/** /metrics as Prometheus reads it, for the tests that start a server with METRICS_TOKEN. */
import parsePrometheusTextFormat from 'parse-prometheus-text-format';

export const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';

export type Family = {
  name: string;
  type: string;
  metrics: { labels?: Record<string, string>; value?: string; count?: string }[];
};

export async function families(url: string): Promise<Map<string, Family>> {
  const reply = await fetch(`${url}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  if (reply.status !== 200) throw new Error(`/metrics answered ${reply.status}`);
  const parsed = parsePrometheusTextFormat(await reply.text()) as Family[];
  return new Map(parsed.map((f) => [f.name, f]));
}

/** The series of a family whose labels include these. */
export const value = (f: Family | undefined, labels: Record<string, string>) =>
  f?.metrics.find((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v));
