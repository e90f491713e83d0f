import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PEOPLE, startApi, TestApi, TokenAgent } from '../support/api';
import { isolatedConfig } from '../support/stack';

const FIXTURES = resolve(__dirname, '../../../shared/fixtures/statements');
const fixture = (path: string) => readFileSync(resolve(FIXTURES, path), 'latin1');

describe('statement import: all or nothing, repeats recognised, overlaps counted once', () => {
  let api: TestApi;
  let backOffice: TokenAgent;

  beforeAll(async () => {
    api = await startApi(await isolatedConfig('statements'));
    backOffice = await api.as(PEOPLE.backOffice);
  });

  afterAll(async () => {
    await api?.close();
  });

  const post = (format: string, body: string) => backOffice.post(`/statements?format=${format}`).set('content-type', 'text/plain').send(body);
  const lines = async () => Number((await api.db.query('SELECT count(*) AS n FROM statement_lines'))[0].n);

  it('imports a real camt.053 and refuses it the second time', async () => {
    const xml = fixture('camt053/moov-iso20022__FFFS-Finland-official-sample__camt.053.001.02.xml');
    const first = await post('camt.053', xml).expect(201);
    expect(first.body).toEqual([expect.objectContaining({ account: 'FI7433010001222090', entries: 10, newLines: 10 })]);
    const again = await post('camt.053', xml).expect(409);
    expect(again.body.code).toBe('RECONCILIATION.DUPLICATE_STATEMENT');
    // the bank resends it under another statement id: still the same statement
    const renamed = xml.replace('<Id>BANKSTMTID0972009</Id>', '<Id>RESENT-0001</Id>');
    expect(renamed).not.toBe(xml);
    expect((await post('camt.053', renamed).expect(409)).body.code).toBe('RECONCILIATION.DUPLICATE_STATEMENT');
    expect(await lines()).toBe(10);
  });

  it('counts a booking in two overlapping statements once', async () => {
    const both = fixture('mt940/wolph-mt940__jejik__Rabobank-IBAN-structured86.sta');
    const second = both.slice(both.indexOf(':20:', 10));
    const before = await lines();
    expect((await post('mt940', second).expect(201)).body).toEqual([expect.objectContaining({ entries: 2, newLines: 2 })]);
    // a later statement of the same account repeats those two bookings and adds one
    const extended = second
      .replace(':62F:C130115EUR000000000930,00', ':61:130110D000000000005,00N102NONREF\n:86:/REMI/late fee\n:62F:C130115EUR000000000925,00')
      .replace(':20:940S130101', ':20:940S130110');
    const overlap = await post('mt940', extended).expect(201);
    expect(overlap.body).toEqual([expect.objectContaining({ entries: 3, newLines: 1 })]);
    expect(await lines()).toBe(before + 3);
  });

  it('refuses a statement that does not reconcile, and imports nothing of the file', async () => {
    const before = await lines();
    const refused = await post('mt940', fixture('mt940/wolph-mt940__jejik__ABNAMRO.sta')).expect(400);
    expect(refused.body).toMatchObject({ code: 'RECONCILIATION.BAD_STATEMENT' });
    expect(refused.body.title).toMatch(/does not reconcile/);
    expect(await lines()).toBe(before);
    expect(await api.db.query(`SELECT 1 FROM bank_statements WHERE account = '517852257'`)).toEqual([]);
  });

  it('refuses a malformed file naming the line and element', async () => {
    const xml = fixture('camt053/moov-iso20022__PostFinance-CH-sample__camt.053.001.04.xml').replace('<Amt Ccy="CHF">77.70</Amt>', '<Amt Ccy="CHF">77,7O</Amt>');
    const refused = await post('camt.053', xml).expect(400);
    expect(refused.body.title).toMatch(/^line \d+, Document\/BkToCstmrStmt\/Stmt\/Ntry\/Amt: "77,7O" is not an amount$/);
    expect(refused.body.errors[0].field).toBe('Document/BkToCstmrStmt/Stmt/Ntry/Amt');
  });

  it('is for the back office only', async () => {
    await (await api.as(PEOPLE.applicant)).post('/statements?format=mt940').set('content-type', 'text/plain').send(':20:X').expect(403);
    await post('csv', 'a,b').expect(400);
  });
});
