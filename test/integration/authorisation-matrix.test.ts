import { randomUUID } from 'node:crypto';
import { DEFAULT_POLICY, PaymentGateways } from '@caravan/financing';
import { systemActor } from '@caravan/access';
import { AssetType, PledgeRegistry } from '@caravan/registry';
import { demoContractPdf } from '../../scripts/demo-contract';
import { DEMO_PASSWORD } from '../../scripts/demo-data';
import { onboardRival, RIVAL } from '../../scripts/two-banks';
import { PEOPLE, startApi, TestApi } from '../support/api';
import { applyFor } from '../support/financing';
import { receivableBody } from '../support/receivables';
import { eventually, isolatedConfig } from '../support/stack';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';

/**
 * Every endpoint × every role, plus a person of another SME, every role of another bank, and
 * nobody at all. An allowed call may still be refused by the business (400, 409, 422: the
 * fixtures are chosen so that nothing changes), but never with 401, 403 or 404. A denied call
 * gets 403 or 404, and the very same answer for an id that does not exist: a denial never
 * tells that an object exists. Another bank's people may do what the first bank's people of
 * their role may, except to any object of the first bank or its customers.
 */
const ANYONE = 'anyone signed in';
const RIVALS = {
  rivalCredit: 'creditOfficer',
  rivalApprover: 'approverA',
  rivalTreasury: 'treasury',
  rivalBackOffice: 'backOffice',
} as const;
type Rival = keyof typeof RIVALS;
type Person = keyof typeof PEOPLE | 'admin' | 'auditor' | 'outsider' | Rival;
const SME: Person[] = ['applicant', 'financeManager'];
const DEBTOR: Person[] = ['payablesClerk', 'treasurer'];
const BANK: Person[] = ['creditOfficer', 'approverA', 'approverB', 'treasury', 'backOffice'];
const OPERATOR: Person[] = ['admin', 'auditor'];
const EVERYONE: Person[] = [...(Object.keys(PEOPLE) as Person[]), 'admin', 'auditor', 'outsider', ...(Object.keys(RIVALS) as Rival[])];

interface Row {
  call: string;
  /** Builds method, path and body from the fixtures; `id` replaces the object's id. */
  request: (f: Fixtures, id?: string) => { method: 'get' | 'post' | 'put'; path: string; body?: unknown };
  allowed: Person[] | typeof ANYONE;
  /** An id of the object's kind that does not exist, where a UUID is not one. */
  ghost?: string;
}

interface Fixtures {
  financing: string;
  /** The SME's quote (a trial's answer). */
  quote: string;
  confirmed: string;
  pledged: string;
  pledge: string;
  receipt: string;
  hami: string;
  /** The first bank, whose product list its own people and SMEs read. */
  bank: string;
  document: string;
  run: string;
  /** A statement line and a write-off of it, undone: later steps are refused, not applied. */
  line: string;
  decision: string;
  /** A pending approval request (the credit officer's proposal), and one already decided. */
  request: string;
  settledRequest: string;
}

const rows: Row[] = [
  { call: 'GET /auth/me', request: () => ({ method: 'get', path: '/auth/me' }), allowed: ANYONE },
  { call: 'POST /organisations', request: () => ({ method: 'post', path: '/organisations', body: {} }), allowed: ['admin'] },
  { call: 'GET /organisations', request: () => ({ method: 'get', path: '/organisations' }), allowed: ANYONE },
  { call: 'GET /organisations/:id', request: (f, id = f.hami) => ({ method: 'get', path: `/organisations/${id}` }), allowed: ANYONE },
  {
    call: 'POST /organisations/:id/users',
    request: (f, id = f.hami) => ({ method: 'post', path: `/organisations/${id}/users`, body: {} }),
    allowed: ['admin'],
  },
  {
    call: 'GET /organisations/:id/users',
    request: (f, id = f.hami) => ({ method: 'get', path: `/organisations/${id}/users` }),
    allowed: [...SME, 'admin'],
  },
  {
    call: 'PUT /organisations/:id/sso',
    request: (f, id = f.hami) => ({ method: 'put', path: `/organisations/${id}/sso`, body: {} }),
    allowed: ['admin'],
  },
  { call: 'GET /audit-events', request: () => ({ method: 'get', path: '/audit-events' }), allowed: OPERATOR },

  { call: 'POST /receivables', request: () => ({ method: 'post', path: '/receivables', body: {} }), allowed: [...SME, 'outsider'] },
  { call: 'GET /receivables', request: () => ({ method: 'get', path: '/receivables' }), allowed: ANYONE },
  {
    call: 'GET /receivables/:id',
    request: (f, id = f.confirmed) => ({ method: 'get', path: `/receivables/${id}` }),
    allowed: [...SME, ...DEBTOR, ...OPERATOR],
  },
  {
    call: 'GET /receivables/:id (pledged)',
    request: (f, id = f.pledged) => ({ method: 'get', path: `/receivables/${id}` }),
    allowed: [...SME, ...DEBTOR, ...OPERATOR, ...BANK],
  },
  {
    call: 'POST /receivables/:id/documents',
    request: (f, id = f.confirmed) => ({ method: 'post', path: `/receivables/${id}/documents?name=x.pdf`, body: {} }),
    allowed: SME,
  },
  {
    call: 'GET /receivables/:id/documents',
    request: (f, id = f.confirmed) => ({ method: 'get', path: `/receivables/${id}/documents` }),
    allowed: [...SME, ...DEBTOR, ...OPERATOR],
  },
  {
    call: 'GET /receivables/:id/documents/:documentId',
    request: (f, id = f.confirmed) => ({ method: 'get', path: `/receivables/${id}/documents/${f.document}` }),
    allowed: [...SME, ...DEBTOR, ...OPERATOR],
  },
  {
    call: 'POST /receivables/:id/submit',
    request: (f, id = f.confirmed) => ({ method: 'post', path: `/receivables/${id}/submit` }),
    allowed: SME,
  },
  {
    call: 'POST /receivables/:id/confirm',
    request: (f, id = f.confirmed) => ({ method: 'post', path: `/receivables/${id}/confirm`, body: {} }),
    allowed: DEBTOR,
  },
  {
    call: 'POST /receivables/:id/dispute',
    request: (f, id = f.confirmed) => ({ method: 'post', path: `/receivables/${id}/dispute`, body: { reason: 'r' } }),
    allowed: DEBTOR,
  },
  {
    call: 'POST /receivables/:id/dilutions',
    request: (f, id = f.confirmed) => ({
      method: 'post',
      path: `/receivables/${id}/dilutions`,
      body: { kind: 'RETURN', reference: 'M-1', amount: '999999999.00', reason: 'r' },
    }),
    allowed: [...SME, ...DEBTOR],
  },
  {
    call: 'POST /receivables/:id/cancel',
    request: (f, id = f.confirmed) => ({ method: 'post', path: `/receivables/${id}/cancel`, body: { reason: 'r' } }),
    allowed: SME,
  },

  {
    call: 'GET /pledges/search',
    request: (f) => ({ method: 'get', path: `/pledges/search?assetType=RECEIVABLE&assetId=${f.pledged}` }),
    allowed: ANYONE,
  },
  {
    call: 'GET /pledges/:id',
    request: (f, id = f.pledge) => ({ method: 'get', path: `/pledges/${id}` }),
    allowed: [...SME, ...BANK, ...OPERATOR],
  },

  {
    call: 'POST /credit-limits',
    request: () => ({ method: 'post', path: '/credit-limits', body: {} }),
    allowed: ['creditOfficer', 'approverA', 'approverB'],
  },
  { call: 'GET /credit-limits', request: () => ({ method: 'get', path: '/credit-limits' }), allowed: [...BANK, ...OPERATOR] },
  {
    call: 'POST /credit-limits/reservations',
    request: () => ({ method: 'post', path: '/credit-limits/reservations', body: {} }),
    allowed: ['creditOfficer', 'treasury'],
  },
  {
    call: 'POST /credit-limits/reservations/:reference/release',
    request: () => ({ method: 'post', path: '/credit-limits/reservations/RF-1/release', body: { amount: 'x' } }),
    allowed: ['creditOfficer', 'treasury', 'backOffice'],
  },

  { call: 'GET /ledger/balances', request: () => ({ method: 'get', path: '/ledger/balances' }), allowed: [...BANK, ...OPERATOR] },
  {
    call: 'GET /ledger/entries',
    request: () => ({ method: 'get', path: '/ledger/entries?financingRef=RF-1' }),
    allowed: [...BANK, ...OPERATOR],
  },
  {
    call: 'POST /ledger/entries/:id/reversal',
    request: (f, id = f.pledge) => ({ method: 'post', path: `/ledger/entries/${id}/reversal`, body: {} }),
    allowed: ['backOffice'],
  },

  { call: 'GET /approval-requests', request: () => ({ method: 'get', path: '/approval-requests' }), allowed: [...BANK, ...OPERATOR] },
  {
    call: 'GET /approval-requests/:id',
    request: (f, id = f.request) => ({ method: 'get', path: `/approval-requests/${id}` }),
    allowed: [...BANK, ...OPERATOR],
  },
  // the request is the credit officer's own and a policy change: approvers may decide it, the maker not (refused by rule, 403, like a role)
  {
    call: 'POST /approval-requests/:id/approve',
    request: (f, id = f.settledRequest) => ({ method: 'post', path: `/approval-requests/${id}/approve`, body: {} }),
    allowed: BANK,
  },
  {
    call: 'POST /approval-requests/:id/reject',
    request: (f, id = f.settledRequest) => ({ method: 'post', path: `/approval-requests/${id}/reject`, body: { reason: 'r' } }),
    allowed: BANK,
  },
  {
    call: 'POST /approval-requests/:id/cancel',
    request: (f, id = f.settledRequest) => ({ method: 'post', path: `/approval-requests/${id}/cancel` }),
    allowed: BANK,
  },

  {
    call: 'GET /banks/:bankId/products',
    request: (f, id = f.bank) => ({ method: 'get', path: `/banks/${id}/products` }),
    // any SME may read what a bank offers; a bank's people only their own bank's
    allowed: [...SME, 'outsider', ...BANK],
  },
  {
    call: 'POST /financings/trial',
    request: () => ({ method: 'post', path: '/financings/trial', body: {} }),
    allowed: [...SME, 'outsider'],
  },
  { call: 'POST /financings', request: () => ({ method: 'post', path: '/financings', body: {} }), allowed: [...SME, 'outsider'] },
  {
    call: 'GET /financings/quotes/:id',
    request: (f, id = f.quote) => ({ method: 'get', path: `/financings/quotes/${id}` }),
    allowed: SME,
  },
  { call: 'GET /financings', request: () => ({ method: 'get', path: '/financings' }), allowed: ANYONE },
  {
    call: 'GET /financings/:id',
    request: (f, id = f.financing) => ({ method: 'get', path: `/financings/${id}` }),
    allowed: [...SME, ...DEBTOR, ...BANK, ...OPERATOR],
  },
  {
    call: 'GET /financings/:id/timeline',
    request: (f, id = f.financing) => ({ method: 'get', path: `/financings/${id}/timeline` }),
    allowed: [...SME, ...DEBTOR, ...BANK, ...OPERATOR],
  },
  {
    call: 'GET /financings/:id/decision',
    request: (f, id = f.financing) => ({ method: 'get', path: `/financings/${id}/decision` }),
    allowed: BANK,
  },
  {
    call: 'POST /financings/:id/acknowledge',
    request: (f, id = f.financing) => ({ method: 'post', path: `/financings/${id}/acknowledge`, body: {} }),
    allowed: DEBTOR,
  },
  {
    call: 'POST /financings/:id/recommend',
    request: (f, id = f.financing) => ({ method: 'post', path: `/financings/${id}/recommend`, body: {} }),
    allowed: ['creditOfficer'],
  },
  {
    call: 'POST /financings/:id/approve',
    request: (f, id = f.financing) => ({ method: 'post', path: `/financings/${id}/approve`, body: {} }),
    allowed: ['approverA', 'approverB'],
  },
  {
    call: 'POST /financings/:id/reject',
    request: (f, id = f.financing) => ({ method: 'post', path: `/financings/${id}/reject`, body: { reason: 'r' } }),
    allowed: ['creditOfficer', 'approverA', 'approverB'],
  },
  {
    call: 'POST /financings/:id/withdraw',
    request: (f, id = f.financing) => ({ method: 'post', path: `/financings/${id}/withdraw`, body: {} }),
    allowed: SME,
  },
  {
    call: 'POST /financings/:id/accept',
    request: (f, id = f.financing) => ({ method: 'post', path: `/financings/${id}/accept`, body: {} }),
    allowed: SME,
  },
  {
    call: 'POST /financings/:id/payments',
    request: (f, id = f.financing) => ({ method: 'post', path: `/financings/${id}/payments`, body: { reference: 'R', amount: '1.00' } }),
    allowed: ['backOffice', 'treasury'],
  },
  {
    call: 'POST /financings/:id/release-goods',
    request: (f, id = f.financing) => ({
      method: 'post',
      path: `/financings/${id}/release-goods`,
      body: { receiptId: f.receipt, quantity: '1' },
    }),
    allowed: SME,
  },
  {
    call: 'POST /financings/:id/collateral',
    request: (f, id = f.financing) => ({ method: 'post', path: `/financings/${id}/collateral`, body: { receiptId: f.receipt } }),
    allowed: SME,
  },
  { call: 'GET /financing-policy', request: () => ({ method: 'get', path: '/financing-policy' }), allowed: BANK },
  { call: 'GET /financing-policy/versions', request: () => ({ method: 'get', path: '/financing-policy/versions' }), allowed: BANK },
  {
    call: 'POST /financing-policy/proposals',
    request: () => ({ method: 'post', path: '/financing-policy/proposals', body: {} }),
    allowed: ['creditOfficer', 'approverA', 'approverB'],
  },
  {
    call: 'GET /financings/:id/contract',
    request: (f, id = f.financing) => ({ method: 'get', path: `/financings/${id}/contract` }),
    allowed: [...SME, ...BANK, ...OPERATOR],
  },
  {
    call: 'POST /financing-contract',
    request: () => ({ method: 'post', path: '/financing-contract?name=x.pdf', body: {} }),
    allowed: ['creditOfficer', 'approverA', 'approverB'],
  },
  { call: 'GET /financing-contract/versions', request: () => ({ method: 'get', path: '/financing-contract/versions' }), allowed: BANK },
  {
    call: 'GET /financing-contract/versions/:version',
    request: (f, id = '1') => ({ method: 'get', path: `/financing-contract/versions/${id}` }),
    allowed: BANK,
    ghost: '999',
  },
  {
    call: 'GET /simulated-bank/payments/:instructionId',
    request: (f, id = 'RF-M-1/disbursement') => ({ method: 'get', path: `/simulated-bank/payments/${encodeURIComponent(id)}` }),
    allowed: ['treasury', 'backOffice', ...OPERATOR],
  },
  { call: 'PUT /simulated-bank/faults', request: () => ({ method: 'put', path: '/simulated-bank/faults', body: {} }), allowed: ['admin'] },

  { call: 'POST /statements', request: () => ({ method: 'post', path: '/statements' }), allowed: ['backOffice'] },
  {
    call: 'PUT /statements/csv-mappings/:account',
    request: () => ({ method: 'put', path: '/statements/csv-mappings/ACC-1', body: {} }),
    allowed: ['backOffice'],
  },
  {
    call: 'GET /statements/csv-mappings/:account',
    request: (f, id = 'ACC-1') => ({ method: 'get', path: `/statements/csv-mappings/${id}` }),
    allowed: ['backOffice', 'treasury'],
    ghost: 'NO-SUCH-ACCOUNT',
  },
  {
    call: 'GET /statements/exceptions',
    request: () => ({ method: 'get', path: '/statements/exceptions' }),
    allowed: ['backOffice', 'treasury', 'admin', 'auditor'],
  },
  {
    call: 'GET /statements',
    request: () => ({ method: 'get', path: '/statements' }),
    allowed: ['backOffice', 'treasury', 'admin', 'auditor'],
  },
  { call: 'POST /reconciliation/runs', request: () => ({ method: 'post', path: '/reconciliation/runs' }), allowed: ['backOffice'] },
  {
    call: 'GET /reconciliation/runs',
    request: () => ({ method: 'get', path: '/reconciliation/runs' }),
    allowed: ['backOffice', 'treasury', 'admin', 'auditor'],
  },
  {
    call: 'GET /reconciliation/runs/:id',
    request: (f, id = f.run) => ({ method: 'get', path: `/reconciliation/runs/${id}` }),
    allowed: ['backOffice', 'treasury', 'admin', 'auditor'],
  },
  {
    call: 'GET /reconciliation/report',
    request: () => ({ method: 'get', path: '/reconciliation/report' }),
    allowed: ['backOffice', 'treasury', 'admin', 'auditor'],
  },
  {
    call: 'GET /reconciliation/accounts',
    request: () => ({ method: 'get', path: '/reconciliation/accounts' }),
    allowed: [...BANK, ...OPERATOR],
  },
  {
    call: 'GET /reconciliation/expected-movements',
    request: () => ({ method: 'get', path: '/reconciliation/expected-movements' }),
    allowed: [...BANK, ...OPERATOR],
  },
  {
    call: 'PUT /reconciliation/accounts/:account',
    request: () => ({ method: 'put', path: '/reconciliation/accounts/ACC-1', body: {} }),
    allowed: ['backOffice'],
  },
  {
    call: 'GET /reconciliation/accounts/:account/rules',
    request: (_f, id = 'ACC-1') => ({ method: 'get', path: `/reconciliation/accounts/${id}/rules` }),
    allowed: ['backOffice', 'treasury', 'admin', 'auditor'],
  },
  {
    call: 'POST /reconciliation/accounts/:account/rules',
    request: (_f, id = 'ACC-1') => ({ method: 'post', path: `/reconciliation/accounts/${id}/rules`, body: {} }),
    allowed: ['backOffice'],
  },
  {
    call: 'POST /reconciliation/matches',
    request: () => ({ method: 'post', path: '/reconciliation/matches', body: {} }),
    allowed: ['backOffice'],
  },
  {
    call: 'GET /reconciliation/matches',
    request: () => ({ method: 'get', path: '/reconciliation/matches' }),
    allowed: ['backOffice', 'treasury', 'admin', 'auditor'],
  },
  {
    call: 'GET /reconciliation/matches/:id',
    request: (f, id = f.decision) => ({ method: 'get', path: `/reconciliation/matches/${id}` }),
    allowed: ['backOffice', 'treasury', 'admin', 'auditor'],
  },
  {
    call: 'POST /reconciliation/matches/:id/confirm',
    request: (f, id = f.decision) => ({ method: 'post', path: `/reconciliation/matches/${id}/confirm` }),
    allowed: ['backOffice'],
  },
  {
    call: 'POST /reconciliation/matches/:id/reverse',
    request: (f, id = f.decision) => ({ method: 'post', path: `/reconciliation/matches/${id}/reverse`, body: {} }),
    allowed: ['backOffice'],
  },
  {
    call: 'POST /reconciliation/lines/:id/write-off',
    request: (f, id = f.line) => ({ method: 'post', path: `/reconciliation/lines/${id}/write-off`, body: {} }),
    allowed: ['backOffice'],
    ghost: '987654321',
  },

  { call: 'PUT /commodities/:code', request: () => ({ method: 'put', path: '/commodities/COAL-5500', body: {} }), allowed: ['admin'] },
  { call: 'GET /commodities', request: () => ({ method: 'get', path: '/commodities' }), allowed: ANYONE },
  { call: 'GET /commodities/:code/prices', request: () => ({ method: 'get', path: '/commodities/COAL-5500/prices' }), allowed: ANYONE },
  {
    call: 'POST /commodities/:code/prices',
    request: () => ({ method: 'post', path: '/commodities/COAL-5500/prices', body: {} }),
    allowed: ['admin'],
  },
  { call: 'POST /warehouse-receipts', request: () => ({ method: 'post', path: '/warehouse-receipts', body: {} }), allowed: ['custodian'] },
  { call: 'GET /warehouse-receipts', request: () => ({ method: 'get', path: '/warehouse-receipts' }), allowed: ANYONE },
  {
    call: 'GET /warehouse-receipts/:id',
    request: (f, id = f.receipt) => ({ method: 'get', path: `/warehouse-receipts/${id}` }),
    allowed: ['custodian', ...SME, ...OPERATOR],
  },
  {
    call: 'GET /warehouse-receipts/:id/valuation',
    request: (f, id = f.receipt) => ({ method: 'get', path: `/warehouse-receipts/${id}/valuation?date=2026-11-25` }),
    allowed: ['custodian', ...SME, ...OPERATOR],
  },
  {
    call: 'POST /warehouse-receipts/:id/split',
    request: (f, id = f.receipt) => ({ method: 'post', path: `/warehouse-receipts/${id}/split`, body: { quantities: ['1'] } }),
    allowed: ['custodian'],
  },
  {
    call: 'POST /warehouse-receipts/:id/release',
    request: (f, id = f.receipt) => ({ method: 'post', path: `/warehouse-receipts/${id}/release` }),
    allowed: ['custodian'],
  },
  {
    call: 'POST /warehouse-receipts/:id/cancel',
    request: (f, id = f.receipt) => ({ method: 'post', path: `/warehouse-receipts/${id}/cancel` }),
    allowed: ['custodian'],
  },
];

describe('authorisation matrix: every endpoint × every role', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let fixtures: Fixtures;
  const tokens = new Map<Person, string>();

  beforeAll(async () => {
    const config = await isolatedConfig('matrix');
    api = await startApi(config);
    worker = await startWorkerProcess(config, api.temporal);
    const admin = await api.client.login('admin@caravan.example', 'caravan-admin-2026');
    const outsiderOrg = await admin.call('POST', '/organisations', {
      kind: 'SME',
      name: 'Another carrier',
      creditCode: '91650000MA7CARRY2X',
    });
    await admin.call('POST', `/organisations/${outsiderOrg.id}/users`, {
      email: 'applicant@another.example',
      displayName: 'O',
      password: DEMO_PASSWORD,
      roles: ['APPLICANT'],
    });

    const login = async (email: string, password = DEMO_PASSWORD) => (await api.client.login(email, password)).token!;
    for (const [person, email] of Object.entries(PEOPLE)) tokens.set(person as Person, await login(email));
    tokens.set('admin', await login('admin@caravan.example', 'caravan-admin-2026'));
    tokens.set('auditor', await login('auditor@caravan.example'));
    tokens.set('outsider', await login('applicant@another.example'));
    await onboardRival(api.client);
    const rivalEmails = {
      rivalCredit: RIVAL.people.credit.email,
      rivalApprover: RIVAL.people.approver.email,
      rivalTreasury: RIVAL.people.treasury.email,
      rivalBackOffice: RIVAL.people.backOffice.email,
    };
    for (const [person, email] of Object.entries(rivalEmails)) tokens.set(person as Rival, await login(email));

    const sme = await api.as(PEOPLE.applicant);
    const debtor = await api.as(PEOPLE.payablesClerk);
    const bank = await api.as(PEOPLE.creditOfficer);
    const confirmedReceivable = async () => {
      const { id } = (await sme.post('/receivables').send(receivableBody(api.parties.powerGroup)).expect(201)).body;
      await sme.post(`/receivables/${id}/submit`).expect(200);
      await debtor.post(`/receivables/${id}/confirm`).send({}).expect(200);
      return id as string;
    };
    const confirmed = await confirmedReceivable();
    const document = (
      await sme
        .post(`/receivables/${confirmed}/documents?name=invoice.pdf`)
        .set('content-type', 'application/pdf')
        .send(Buffer.from('%PDF-1.4 fixture'))
        .expect(201)
    ).body.id;
    // pledges are the financing workflow's to make: as it would
    const pledged = await confirmedReceivable();
    const workflow = systemActor('system:financing-workflow', api.parties.bank);
    const pledge = (
      await api.app
        .get(PledgeRegistry)
        .pledge(workflow, { assetType: AssetType.RECEIVABLE, assetId: pledged, financingRef: 'RF-M-1', pledgorId: api.parties.hami })
    ).id;
    // a payment the bank's gateway made, as a disbursement would
    await api.app.get(PaymentGateways).forBank(api.parties.bank).instruct({
      instructionId: 'RF-M-1/disbursement',
      amount: '1.00',
      currency: 'CNY',
      beneficiaryId: api.parties.hami,
      purpose: 'fixture',
    });
    const request = (await bank.post('/financing-policy/proposals').send(DEFAULT_POLICY).expect(202)).body.id;
    const rejected = (await bank.post('/financing-policy/proposals').send(DEFAULT_POLICY).expect(409)).body; // one pending proposal at a time
    expect(rejected.code).toBe('DUAL_CONTROL.ALREADY_PENDING');
    const settledRequest = (
      await (await api.as(PEOPLE.approverA)).post(`/approval-requests/${request}/reject`).send({ reason: 'fixture' }).expect(200)
    ).body.id;
    const pending = (await bank.post('/financing-policy/proposals').send(DEFAULT_POLICY).expect(202)).body.id;
    // the bank's contract in force: its people and the financing's SME read it, nobody else
    const contract = (
      await bank
        .post('/financing-contract?name=c.pdf')
        .set('content-type', 'application/pdf')
        .send(await demoContractPdf())
        .expect(202)
    ).body.request.id;
    await (await api.as(PEOPLE.approverB)).post(`/approval-requests/${contract}/approve`).send({}).expect(200);

    await admin.call('PUT', '/commodities/COAL-5500', { name: 'Thermal coal', unit: 't', haircut: '0.15' });
    await admin.call('POST', '/commodities/COAL-5500/prices', { date: '2026-11-25', price: '812.35', source: 'index' });
    const custodian = await api.as(PEOPLE.custodian);
    const receipt = (
      await custodian
        .post('/warehouse-receipts')
        .send({
          receiptNumber: 'M-1',
          holderId: api.parties.hami,
          commodityCode: 'COAL-5500',
          grade: 'Q',
          quantity: '10',
          location: 'bay 1',
        })
        .expect(201)
    ).body.id;
    await custodian.post(`/warehouse-receipts/${receipt}/release`).expect(200); // released: later steps are refused, not applied
    // a financing that ended (no limits are set here, so it is ineligible): every step is refused by state, not by role
    const financing = (
      await applyFor(sme, {
        product: 'RECEIVABLE_FINANCING',
        assetId: await confirmedReceivable(),
        bankId: api.parties.bank,
        amount: '1000.00',
      })
    ).id;
    const quote = (
      await sme
        .post('/financings/trial')
        .send({ product: 'RECEIVABLE_FINANCING', assetId: await confirmedReceivable(), bankId: api.parties.bank, amount: '1000.00' })
        .expect(200)
    ).body.quoteId;
    await eventually(
      async () => ((await sme.get(`/financings/${financing}`)).body.stage === 'INELIGIBLE' ? true : undefined),
      'ineligible',
    );
    const backOffice = await api.as(PEOPLE.backOffice);
    const run = (await backOffice.post('/reconciliation/runs').expect(201)).body.id;
    await backOffice.put('/reconciliation/accounts/ACC-1').send({ ledgerAccount: 'COLLECTION_ACCOUNT', currency: 'CNY' }).expect(200);
    await backOffice
      .put('/statements/csv-mappings/ACC-1')
      .send({
        delimiter: ';',
        hasHeader: false,
        decimalSeparator: '.',
        dateFormat: 'YYYY-MM-DD',
        currency: 'CNY',
        columns: { bookingDate: 1, amount: 2 },
      })
      .expect(200);
    await backOffice.post('/statements?format=csv&account=ACC-1').set('content-type', 'text/plain').send('2026-11-25;1.00').expect(201);
    const [{ id: line }] = await api.owner.query(`SELECT id::text AS id FROM statement_lines WHERE account = 'ACC-1'`);
    const decision = (await backOffice.post(`/reconciliation/lines/${line}/write-off`).send({ reason: 'fixture' }).expect(201)).body.id;
    await backOffice.post(`/reconciliation/matches/${decision}/reverse`).send({ reason: 'fixture' }).expect(200);
    fixtures = {
      financing,
      quote,
      confirmed,
      pledged,
      pledge,
      receipt,
      hami: api.parties.hami,
      bank: api.parties.bank,
      document,
      run,
      line,
      decision,
      request: pending,
      settledRequest,
    };
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  async function send(person: Person | undefined, row: Row, id?: string) {
    const { method, path, body } = row.request(fixtures, id);
    let call = api.http()[method](path);
    if (person) call = call.set('authorization', `Bearer ${tokens.get(person)}`);
    const response = await (body === undefined ? call : call.send(body as object));
    return { status: response.status, code: response.body?.code as string | undefined };
  }

  const cases = rows.flatMap((row) => EVERYONE.map((person) => [row.call, person, row] as const));

  /** Whether the call names one object (of the first bank or its customers): it takes an id. */
  const aboutAnObject = (row: Row) => JSON.stringify(row.request(fixtures)) !== JSON.stringify(row.request(fixtures, 'another'));
  const isAllowed = (row: Row, person: Person): boolean => {
    if (row.allowed === ANYONE) return true;
    if (person in RIVALS) return row.allowed.includes(RIVALS[person as Rival]) && !aboutAnObject(row);
    return row.allowed.includes(person);
  };

  it.each(cases)('%s as %s', async (_, person, row) => {
    const answer = await send(person, row);
    if (isAllowed(row, person)) {
      expect([401, 403, 404]).not.toContain(answer.status);
      expect(answer.status).toBeLessThan(500);
    } else {
      // another bank's people meet the body's validation first (400), whatever the object: it tells nothing either
      expect(person in RIVALS ? [400, 403, 404] : [403, 404]).toContain(answer.status);
      // the same answer for an object that does not exist
      const ghost = await send(person, row, row.ghost ?? randomUUID());
      expect(ghost).toEqual(answer);
    }
  });

  it.each(rows.map((row) => [row.call, row] as const))('%s without a token is 401', async (_, row) => {
    const answer = await send(undefined, row);
    expect(answer).toEqual({ status: 401, code: 'AUTH.UNAUTHENTICATED' });
  });

  it('refuses an expired token and a forged one', async () => {
    const [header, payload, signature] = tokens.get('applicant')!.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, roles: ['ADMIN'] })).toString('base64url')}.${signature}`;
    await api.http().get('/audit-events').set('authorization', `Bearer ${forged}`).expect(401);
    const expired = `${header}.${Buffer.from(JSON.stringify({ ...claims, exp: 1 })).toString('base64url')}.${signature}`;
    await api.http().get('/auth/me').set('authorization', `Bearer ${expired}`).expect(401);
  });
});
