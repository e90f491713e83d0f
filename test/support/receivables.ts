import { randomUUID } from 'node:crypto';

/** A valid registration body owed by `debtorId`; each call a new invoice number. */
export function receivableBody(debtorId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    debtorId,
    invoiceNumber: `HM-${randomUUID().slice(0, 8)}`,
    waybillRefs: ['WB-HAMI-2026-0778'],
    issueDate: '2026-11-02',
    dueDate: '2027-01-31',
    amount: '1250000.00',
    ...overrides,
  };
}
