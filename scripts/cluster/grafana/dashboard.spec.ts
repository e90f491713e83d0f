import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiMetrics } from '@caravan/metrics';
import { Dashboard, dashboardMetrics } from './dashboard-metrics';

const dashboard = JSON.parse(readFileSync(join(__dirname, 'caravan-dashboard.json'), 'utf8')) as Dashboard;

describe('the Grafana dashboard', () => {
  it('draws every panel from a query', () => {
    expect(dashboard.panels.length).toBeGreaterThan(10);
    for (const panel of dashboard.panels) expect(panel.targets?.length).toBeGreaterThan(0);
  });

  it('has the panels operators look for', () => {
    const titles = dashboard.panels.map((p) => p.title).join('\n');
    for (const topic of [
      /requests per second/,
      /latency p50/,
      /latency p99/,
      /errors/,
      /stage/,
      /Reconciliation/,
      /workflow task latency/,
      /cache size/,
      /activity failures/,
    ])
      expect(titles).toMatch(topic);
  });

  it("reads only the API's metrics (as its registry exports them) and the Temporal SDK's", async () => {
    const api = new ApiMetrics();
    // labelled series show once counted
    api.business.financingStage('A', 'B');
    api.business.statementLinesImported('csv', 1);
    api.business.reconciliationLines('matched', 'RULE', 1);
    api.latency.observe({ method: 'GET', route: '/x', status: '200' }, 0.1);
    const exported = await api.registry.metrics();
    const names = dashboardMetrics(dashboard);
    expect(names).toContain('caravan_http_request_duration_seconds_bucket');
    for (const name of names.filter((n) => !n.startsWith('temporal_'))) expect(exported).toMatch(new RegExp(`^${name}[{ ]`, 'm'));
    // the SDK's names are checked against a real worker's scrape in test/integration/observability.test.ts
    expect(names.filter((n) => n.startsWith('temporal_')).length).toBeGreaterThanOrEqual(4);
  });
});
