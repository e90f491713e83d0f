import express from 'express';
import request from 'supertest';
import { ApiMetrics, UNMATCHED_ROUTE } from './api-metrics';

describe('ApiMetrics', () => {
  const metrics = new ApiMetrics();
  const app = express();
  app.use(metrics.timeRequests);
  app.get('/financings/:id', (_req, res) => void res.json({}));

  it('labels a request with its route template and status, never the raw URL', async () => {
    await request(app).get('/financings/0b5c1f8e-0000-4000-8000-000000000000').expect(200);
    await request(app).get('/no/such/0b5c1f8e-1111').expect(404);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/caravan_http_request_duration_seconds_count\{method="GET",route="\/financings\/:id",status="200"\} 1/);
    expect(text).toContain(`route="${UNMATCHED_ROUTE}",status="404"`);
    expect(text).not.toMatch(/0b5c1f8e/);
  });

  it('counts business facts with closed labels, and Node process metrics', async () => {
    metrics.business.financingStage('APPROVAL', 'OFFERED');
    metrics.business.statementLinesImported('camt.053', 3);
    metrics.business.statementLinesImported('mt940', 0);
    metrics.business.reconciliationLines('matched', 'END_TO_END', 2);
    metrics.business.receivableRegistered();
    const text = await metrics.registry.metrics();
    expect(text).toContain('caravan_financing_stage_transitions_total{from="APPROVAL",to="OFFERED"} 1');
    expect(text).toContain('caravan_statement_lines_imported_total{format="camt.053"} 3');
    expect(text).not.toContain('format="mt940"');
    expect(text).toContain('caravan_reconciliation_lines_total{outcome="matched",method="end_to_end"} 2');
    expect(text).toContain('caravan_receivables_registered_total 1');
    expect(text).toContain('process_resident_memory_bytes');
  });
});
