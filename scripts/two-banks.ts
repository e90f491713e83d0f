import type { SqlRow } from '@caravan/database';
import type { ApiClient } from './api-client';
import { DEMO_PASSWORD } from './demo-data';

// A second bank and a second SME beside the demo's: what the two-bank tests and the fuzzer
// try the first bank's boundaries with.

/** A second bank with every bank role, and a second SME: the platform as many banks share it. */
export const RIVAL = {
  bank: { kind: 'BANK', name: 'Rival Bank', creditCode: '91650000MA7RBANK01' },
  sme: { kind: 'SME', name: 'Other Carrier', creditCode: '91650000MA7CARRY4X' },
  people: {
    credit: { email: 'credit@rival-bank.example', roles: ['CREDIT_OFFICER'] },
    approver: { email: 'approver@rival-bank.example', roles: ['APPROVER'], approvalAuthority: '900000000.00' },
    treasury: { email: 'treasury@rival-bank.example', roles: ['TREASURY'] },
    backOffice: { email: 'backoffice@rival-bank.example', roles: ['BACK_OFFICE'] },
    backOffice2: { email: 'backoffice2@rival-bank.example', roles: ['BACK_OFFICE'] },
  },
  smePeople: {
    applicant: { email: 'applicant@other-carrier.example', roles: ['APPLICANT'] },
  },
} as const;

/** The operator onboards Rival Bank and the other SME, as it onboards anyone. */
export async function onboardRival(api: ApiClient): Promise<{ bankId: string; smeId: string }> {
  const admin = await api.login('admin@caravan.example', 'caravan-admin-2026');
  const bankId = (await admin.call<{ id: string }>('POST', '/organisations', RIVAL.bank)).id;
  const smeId = (await admin.call<{ id: string }>('POST', '/organisations', RIVAL.sme)).id;
  const add = (organisation: string, person: { email: string; roles: readonly string[]; approvalAuthority?: string }) =>
    admin.call('POST', `/organisations/${organisation}/users`, {
      ...person,
      roles: [...person.roles],
      displayName: person.email,
      password: DEMO_PASSWORD,
    });
  for (const person of Object.values(RIVAL.people)) await add(bankId, person);
  await add(smeId, RIVAL.smePeople.applicant);
  return { bankId, smeId };
}

type Query = (sql: string, params: unknown[]) => Promise<SqlRow[]>;

/**
 * What the first bank and its customers hold, fingerprinted from the owner's view: every row
 * of its books, statements, matches, runs, accounts, payments, requests, policies, contracts, and the
 * financings, assets and pledges of its customers. Equal fingerprints: nothing was changed.
 */
export async function fingerprint(query: Query, bankId: string, smeId: string): Promise<Record<string, string>> {
  const tables: Record<string, string> = {
    financings: `SELECT * FROM financings WHERE bank_id = $1 OR sme_id = $2`,
    financing_events: `SELECT e.* FROM financing_events e JOIN financings f ON f.id = e.financing_id WHERE f.bank_id = $1 OR f.sme_id = $2`,
    journal_entries: `SELECT * FROM journal_entries WHERE bank_id = $1 AND $2::uuid IS NOT NULL`,
    ledger_balances: `SELECT * FROM ledger_balances WHERE bank_id = $1 AND $2::uuid IS NOT NULL`,
    bank_statements: `SELECT * FROM bank_statements WHERE bank_id = $1 AND $2::uuid IS NOT NULL`,
    statement_lines: `SELECT * FROM statement_lines WHERE bank_id = $1 AND $2::uuid IS NOT NULL`,
    expected_movements: `SELECT * FROM expected_movements WHERE bank_id = $1 AND $2::uuid IS NOT NULL`,
    match_decisions: `SELECT * FROM match_decisions WHERE bank_id = $1 AND $2::uuid IS NOT NULL`,
    reconciliation_runs: `SELECT * FROM reconciliation_runs WHERE bank_id = $1 AND $2::uuid IS NOT NULL`,
    bank_accounts: `SELECT * FROM bank_accounts WHERE bank_id = $1 AND $2::uuid IS NOT NULL`,
    csv_mappings: `SELECT * FROM csv_mappings WHERE bank_id = $1 AND $2::uuid IS NOT NULL`,
    simulated_bank_payments: `SELECT * FROM simulated_bank_payments WHERE bank_id = $1 AND $2::uuid IS NOT NULL`,
    dual_control_requests: `SELECT * FROM dual_control_requests WHERE organisation_id = $1 AND $2::uuid IS NOT NULL`,
    financing_policy_versions: `SELECT * FROM financing_policy_versions WHERE bank_id = $1 AND $2::uuid IS NOT NULL`,
    credit_limits: `SELECT * FROM credit_limits WHERE bank_id = $1 AND $2::uuid IS NOT NULL`,
    financing_contract_templates: `SELECT * FROM financing_contract_templates WHERE bank_id = $1 AND $2::uuid IS NOT NULL`,
    financing_contracts: `SELECT c.* FROM financing_contracts c JOIN financings f ON f.id = c.financing_id WHERE f.bank_id = $1 OR f.sme_id = $2`,
    receivables: `SELECT * FROM receivables WHERE creditor_id = $2 AND $1::uuid IS NOT NULL`,
    warehouse_receipts: `SELECT * FROM warehouse_receipts WHERE holder_id = $2 AND $1::uuid IS NOT NULL`,
    pledges: `SELECT * FROM pledges WHERE pledgee_id = $1 OR pledgor_id = $2`,
  };
  const prints: Record<string, string> = {};
  for (const [table, sql] of Object.entries(tables)) {
    const [{ md5 }] = await query(
      `SELECT md5(coalesce(string_agg(row_to_json(t)::text, '|' ORDER BY row_to_json(t)::text), '')) AS md5 FROM (${sql}) t`,
      [bankId, smeId],
    );
    prints[table] = md5;
  }
  return prints;
}
