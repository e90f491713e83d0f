import { TRACE_HEADER as TEMPORALS } from '@temporalio/interceptors-opentelemetry/lib/instrumentation';
import { TRACE_HEADER } from './workflow';

describe('the workflow interceptors', () => {
  it('read a run’s trace from the header Temporal’s interceptors write it to', () => {
    expect(TRACE_HEADER).toBe(TEMPORALS);
  });
});
