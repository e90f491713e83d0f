/** The Grafana dashboard's shape, as far as its metrics go. */
export interface Dashboard {
  panels: Array<{ title: string; targets?: Array<{ expr: string }> }>;
}

// PromQL's functions with an underscore (the others have none, as no metric of ours does)
const PROMQL = new Set(['histogram_quantile']);

/** Every metric name the dashboard's queries read (a histogram by its `_bucket`/`_count` series). */
export function dashboardMetrics(dashboard: Dashboard): string[] {
  const names = new Set<string>();
  for (const panel of dashboard.panels)
    for (const { expr } of panel.targets ?? []) {
      // label matchers, groupings, ranges and strings aside: what is left are names
      const bare = expr
        .replace(/\{[^}]*\}/g, '')
        .replace(/\b(by|without)\s*\([^)]*\)/g, '')
        .replace(/\[[^\]]*\]/g, '')
        .replace(/"[^"]*"/g, '');
      for (const word of bare.match(/[a-z_][a-z0-9_]*/gi) ?? []) if (!PROMQL.has(word) && /_/.test(word)) names.add(word);
    }
  return [...names].sort();
}
