import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import iconv from 'iconv-lite';
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

  const post = (format: string, body: string) =>
    backOffice.post(`/statements?format=${format}`).set('content-type', 'text/plain').send(body);
  const lines = async () => Number((await api.owner.query('SELECT count(*) AS n FROM statement_lines'))[0].n);

  it('imports a real camt.053 and refuses it the second time', async () => {
    const xml = fixture('camt053/moov-iso20022__FFFS-Finland-official-sample__camt.053.001.02.xml');
    const first = await post('camt.053', xml).expect(201);
    // 10 entries; a batch of three transactions and one of two are a line each: 13 lines
    expect(first.body).toEqual([expect.objectContaining({ account: 'FI7433010001222090', entries: 10, newLines: 13 })]);
    const again = await post('camt.053', xml).expect(409);
    expect(again.body.code).toBe('RECONCILIATION.DUPLICATE_STATEMENT');
    // the bank resends it under another statement id: still the same statement
    const renamed = xml.replace('<Id>BANKSTMTID0972009</Id>', '<Id>RESENT-0001</Id>');
    expect(renamed).not.toBe(xml);
    expect((await post('camt.053', renamed).expect(409)).body.code).toBe('RECONCILIATION.DUPLICATE_STATEMENT');
    expect(await lines()).toBe(13);
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

  it('writes each transaction of a batched camt.054 entry as its own line, keeps its entry, and counts an overlap once', async () => {
    const xml = fixture('camt054/moov-iso20022__PostFinance-CH-ESR-batch__camt.054.001.04.xml');
    // a transaction's amount that does not add up to its entry's: the whole file refused, naming the entry
    const wrong = await post('camt.054', xml.replace('<Amt Ccy="CHF">463.00</Amt>', '<Amt Ccy="CHF">464.00</Amt>')).expect(400);
    expect(wrong.body.title).toBe("line 31, Ntry: the entry's amount 1537.00 is not the sum of its 5 transactions' amounts (1538.00)");
    expect((await post('camt.054', xml).expect(201)).body).toEqual([expect.objectContaining({ entries: 2, newLines: 6 })]);
    const rows = await api.owner.query(
      `SELECT position, amount, end_to_end_id AS e2e, counterparty_name AS payer, entry_position AS "entryPosition", entry_amount AS "entryAmount"
         FROM statement_lines WHERE account = 'CH2909000000250094239' ORDER BY position`,
    );
    expect(rows.map((r: { amount: string }) => r.amount)).toEqual(['250.00', '200.00', '300.00', '324.00', '463.00', '147.00']);
    expect(rows[0]).toEqual({
      position: 57,
      amount: '250.00',
      e2e: 'EndToEndId-001-02-02',
      payer: 'Bernasconi Maria',
      entryPosition: 31,
      entryAmount: '1537.00',
    });
    expect(rows[5]).toMatchObject({ amount: '147.00', entryPosition: null, entryAmount: null });
    // the next notification repeats the batch and adds a booking: only that one is new
    const next = xml
      .replace('<Id>20190424375204228750931</Id>', '<Id>20190425375204228750932</Id>')
      .replace(
        '</Ntfctn>',
        '<Ntry><Amt Ccy="CHF">12.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2019-04-25</Dt></BookgDt></Ntry></Ntfctn>',
      );
    expect((await post('camt.054', next).expect(201)).body).toEqual([expect.objectContaining({ entries: 3, newLines: 1 })]);
  });

  it('fingerprints a line as its identity and occurrence, as earlier imports did, and keeps its text as sent through COPY', async () => {
    const remittance = 'tab\there, a backslash \\N and \\t';
    const entry = `<Ntry><Amt Ccy="EUR">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-11-30</Dt></BookgDt><ValDt><Dt>2026-11-30</Dt></ValDt>
      <NtryDtls><TxDtls><RmtInf><Ustrd>${remittance}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`;
    const camt = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>',
      `<Id>FP-1</Id><Acct><Id><Othr><Id>FP-ACCOUNT</Id></Othr></Id></Acct>${entry}${entry}`,
      '</Stmt></BkToCstmrStmt></Document>',
    ].join('\n');
    // the same booking twice in one statement is two lines
    expect((await post('camt.053', camt).expect(201)).body).toEqual([expect.objectContaining({ entries: 2, newLines: 2 })]);
    const identity = `2026-11-30|2026-11-30|CRDT|10.00|EUR|false|||${remittance}`;
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
    expect(await api.owner.query(`SELECT remittance, fingerprint FROM statement_lines WHERE account = 'FP-ACCOUNT' ORDER BY id`)).toEqual([
      { remittance, fingerprint: sha256(`${identity}#1`) },
      { remittance, fingerprint: sha256(`${identity}#2`) },
    ]);
  });

  it('refuses a statement that does not reconcile, and imports nothing of the file', async () => {
    const before = await lines();
    const refused = await post('mt940', fixture('mt940/wolph-mt940__jejik__ABNAMRO.sta')).expect(400);
    expect(refused.body).toMatchObject({ code: 'RECONCILIATION.BAD_STATEMENT' });
    expect(refused.body.title).toMatch(/does not reconcile/);
    expect(await lines()).toBe(before);
    expect(await api.owner.query(`SELECT 1 FROM bank_statements WHERE account = '517852257'`)).toEqual([]);
  });

  it('refuses a malformed file naming the line and element', async () => {
    const xml = fixture('camt053/moov-iso20022__PostFinance-CH-sample__camt.053.001.04.xml').replace(
      '<Amt Ccy="CHF">77.70</Amt>',
      '<Amt Ccy="CHF">77,7O</Amt>',
    );
    const refused = await post('camt.053', xml).expect(400);
    expect(refused.body.title).toMatch(/^line \d+, Document\/BkToCstmrStmt\/Stmt\/Ntry\/Amt: "77,7O" is not an amount$/);
    expect(refused.body.errors[0].field).toBe('Document/BkToCstmrStmt/Stmt/Ntry/Amt');
  });

  it('imports CSV through the account’s saved column mapping, and names the bad line and column', async () => {
    const account = 'CN6201234567890123456';
    await post('csv', 'x').expect(400); // no account named
    expect(
      (await backOffice.post(`/statements?format=csv&account=${account}`).set('content-type', 'text/plain').send('x').expect(422)).body
        .code,
    ).toBe('RECONCILIATION.NO_CSV_MAPPING');
    expect((await backOffice.get(`/statements/csv-mappings/${account}`).expect(404)).body.code).toBe(
      'RECONCILIATION.CSV_MAPPING_NOT_FOUND',
    );
    const mapping = {
      delimiter: ';',
      hasHeader: true,
      decimalSeparator: ',',
      dateFormat: 'DD.MM.YYYY',
      currency: 'CNY',
      columns: { bookingDate: 1, amount: 2, endToEndId: 3, counterpartyName: 4, remittance: 5 },
    };
    await backOffice.put(`/statements/csv-mappings/${account}`).send(mapping).expect(200);
    // the settings page reads back what was saved, the treasury too
    expect((await backOffice.get(`/statements/csv-mappings/${account}`).expect(200)).body).toEqual(mapping);
    expect((await (await api.as(PEOPLE.treasury)).get(`/statements/csv-mappings/${account}`).expect(200)).body).toEqual(mapping);
    const csv = [
      '日期;金额;端到端;对方;摘要',
      '31.01.2027;1.000.000,00;RF-2026-000001;新疆能源电力集团;"货款; 发票 HM-2026-001234"',
      '31.01.2027;-799.200,00;RF-2026-000001/disbursement;哈密丝路物流;放款',
    ].join('\n');
    const imported = await backOffice
      .post(`/statements?format=csv&account=${account}`)
      .set('content-type', 'text/plain')
      .send(csv)
      .expect(201);
    expect(imported.body).toEqual([expect.objectContaining({ account, entries: 2, newLines: 2 })]);
    const rows = await api.owner.query(
      'SELECT amount, direction, end_to_end_id, remittance FROM statement_lines WHERE account = $1 ORDER BY position',
      [account],
    );
    expect(rows).toEqual([
      { amount: '1000000.00', direction: 'CRDT', end_to_end_id: 'RF-2026-000001', remittance: '货款; 发票 HM-2026-001234' },
      { amount: '799200.00', direction: 'DBIT', end_to_end_id: 'RF-2026-000001/disbursement', remittance: '放款' },
    ]);
    await backOffice.post(`/statements?format=csv&account=${account}`).set('content-type', 'text/plain').send(csv).expect(409);
    const bad = await backOffice
      .post(`/statements?format=csv&account=${account}`)
      .set('content-type', 'text/plain')
      .send(`${csv.split('\n')[0]}\n01.02.2027;12,3x;E;N;R`)
      .expect(400);
    expect(bad.body.title).toBe('line 2, column 2 (amount): "12.3x" is not an amount');
  });

  it('imports statements in NOK, DKK, MKD and KWD, each amount kept with its currency’s decimals', async () => {
    const camt = (account: string, ccy: string, opening: string, amount: string, closing: string) =>
      `<?xml version="1.0"?><Document><BkToCstmrStmt><Stmt><Id>S-${ccy}</Id><Acct><Id><IBAN>${account}</IBAN></Id><Ccy>${ccy}</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="${ccy}">${opening}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-01</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="${ccy}">${closing}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-02</Dt></Dt></Bal>
<Ntry><Amt Ccy="${ccy}">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-11-02</Dt></BookgDt></Ntry></Stmt></BkToCstmrStmt></Document>`;
    // the currencies of Danske Bank's Norwegian and Danish accounts and of a Macedonian bank, refused before
    await post('camt.053', camt('NO9386011117947', 'NOK', '1000.00', '250.5', '1250.50')).expect(201);
    await post('camt.053', camt('DK5000400440116243', 'DKK', '10.00', '0.25', '10.25')).expect(201);
    await post('camt.053', camt('MK07250120000058984', 'MKD', '61500.00', '1230', '62730.00')).expect(201);
    await post(
      'mt940',
      ':20:K1\n:25:KW81CBKU0000000000001234560101\n:60F:C261101KWD100,000\n:61:261102C1,234NTRFNONREF\n:62F:C261102KWD101,234\n',
    ).expect(201);
    const rows = await api.owner.query(
      `SELECT l.currency, l.amount, s.closing_balance AS closing FROM statement_lines l JOIN bank_statements s ON s.id = l.statement_id
        WHERE l.currency IN ('NOK', 'DKK', 'MKD', 'KWD') ORDER BY l.currency`,
    );
    expect(rows).toEqual([
      { currency: 'DKK', amount: '0.25', closing: '10.25' },
      { currency: 'KWD', amount: '1.234', closing: '101.234' },
      { currency: 'MKD', amount: '1230.00', closing: '62730.00' },
      { currency: 'NOK', amount: '250.50', closing: '1250.50' },
    ]);
    // an account reconciles in any ISO currency; a code that is none is refused
    await backOffice
      .put('/reconciliation/accounts/NO9386011117947')
      .send({ ledgerAccount: 'COLLECTION_ACCOUNT', currency: 'NOK' })
      .expect(200);
    await backOffice
      .put('/reconciliation/accounts/NO9386011117947')
      .send({ ledgerAccount: 'COLLECTION_ACCOUNT', currency: 'NKR' })
      .expect(400);
    const refused = await post('camt.053', camt('NO9386011117948', 'NOK', '1000.00', '250.505', '1250.505')).expect(400);
    expect(refused.body.title).toMatch(/"1250.505" has more than two decimals$/);
  });

  it('reads MT940 and CSV with Chinese in GBK: by the account’s setting, by detection, or as the import says', async () => {
    const payer = '新疆能源电力集团有限公司';
    const purpose = '货款 发票 HM-2026-001234';
    const mt940 = (account: string, id: string) =>
      iconv.encode(
        [
          `:20:${id}`,
          `:25:${account}`,
          ':28C:1/1',
          ':60F:C261101CNY1000,00',
          ':61:2611021102C500,00NTRFNONREF',
          `:86:/EREF/RF-2026-000001/ORDP//NAME/${payer}/REMI/USTD//${purpose}/`,
          ':62F:C261102CNY1500,00',
          '-',
        ].join('\r\n'),
        'GBK',
      );
    const upload = (query: string, bytes: Buffer) =>
      backOffice.post(`/statements?${query}`).set('content-type', 'application/octet-stream').send(bytes);
    const lineOf = async (account: string) =>
      (await api.owner.query('SELECT counterparty_name AS payer, remittance FROM statement_lines WHERE account = $1', [account]))[0];
    const mapped = await backOffice
      .put('/reconciliation/accounts/CN6201111111111111111')
      .send({ ledgerAccount: 'COLLECTION_ACCOUNT', currency: 'CNY', statementEncoding: 'GBK' })
      .expect(200);
    expect(mapped.body).toMatchObject({ statementEncoding: 'GBK' });
    expect((await backOffice.get('/reconciliation/accounts').expect(200)).body).toContainEqual(
      expect.objectContaining({ account: 'CN6201111111111111111', statementEncoding: 'GBK' }),
    );
    // the setting is found by the file's :25:
    await upload('format=mt940', mt940('CN6201111111111111111', 'GBK-1')).expect(201);
    expect(await lineOf('CN6201111111111111111')).toEqual({ payer, remittance: purpose });
    // no setting: the bytes show GB18030, which reads GBK
    await upload('format=mt940', mt940('CN6209876543210987654', 'GBK-2')).expect(201);
    expect(await lineOf('CN6209876543210987654')).toEqual({ payer, remittance: purpose });
    // the import's own word wins over detection
    await upload('format=mt940&encoding=ISO-8859-1', mt940('CN6200000000000000001', 'GBK-3')).expect(201);
    expect((await lineOf('CN6200000000000000001')).payer).not.toBe(payer);
    await upload('format=mt940&encoding=BIG5', mt940('CN6200000000000000002', 'GBK-4')).expect(400);
    // and a setting is what reads the file, over detection (here a wrong one, to show it)
    await backOffice
      .put('/reconciliation/accounts/CN6200000000000000003')
      .send({ ledgerAccount: 'COLLECTION_ACCOUNT', currency: 'CNY', statementEncoding: 'ISO-8859-1' })
      .expect(200);
    await upload('format=mt940', mt940('CN6200000000000000003', 'GBK-5')).expect(201);
    expect((await lineOf('CN6200000000000000003')).payer).toBe(iconv.decode(iconv.encode(payer, 'GBK'), 'latin1'));

    const csvAccount = 'CN6205555555555555555';
    await backOffice
      .put(`/statements/csv-mappings/${csvAccount}`)
      .send({
        delimiter: ';',
        hasHeader: true,
        decimalSeparator: '.',
        dateFormat: 'YYYY-MM-DD',
        currency: 'CNY',
        columns: { bookingDate: 1, amount: 2, counterpartyName: 3, remittance: 4 },
      })
      .expect(200);
    const csv = (day: string) => iconv.encode(`日期;金额;对方;摘要\n${day};500.00;${payer};${purpose}\n`, 'GBK');
    const csvLines = () =>
      api.owner.query('SELECT counterparty_name AS payer, remittance FROM statement_lines WHERE account = $1 ORDER BY id', [csvAccount]);
    await upload(`format=csv&account=${csvAccount}`, csv('2026-11-02')).expect(201); // detected
    await backOffice
      .put(`/reconciliation/accounts/${csvAccount}`)
      .send({ ledgerAccount: 'COLLECTION_ACCOUNT', currency: 'CNY', statementEncoding: 'GBK' })
      .expect(200);
    await upload(`format=csv&account=${csvAccount}`, csv('2026-11-03')).expect(201); // by the setting
    expect(await csvLines()).toEqual([
      { payer, remittance: purpose },
      { payer, remittance: purpose },
    ]);
  });

  it('is for the back office only', async () => {
    await (await api.as(PEOPLE.applicant)).post('/statements?format=mt940').set('content-type', 'text/plain').send(':20:X').expect(403);
    await post('xls', 'a,b').expect(400);
  });
});
