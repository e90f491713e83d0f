import { randomUUID } from 'node:crypto';

export const creditorId = '5b0e7f0e-6a1c-4a57-9d0e-1d1b7a0c0001';
export const debtorId = '5b0e7f0e-6a1c-4a57-9d0e-1d1b7a0c0002';

/** A valid registration body; each call a new invoice number. */
export function receivableBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    creditorId,
    debtorId,
    invoiceNumber: `HM-${randomUUID().slice(0, 8)}`,
    waybillRefs: ['WB-HAMI-2026-0778'],
    issueDate: '2026-11-02',
    dueDate: '2027-01-31',
    amount: '1250000.00',
    ...overrides,
  };
}

export const confirmation = { debtorId, actor: 'payables.clerk@xjpower.example' };
