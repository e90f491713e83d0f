import { createReadStream, existsSync } from 'node:fs';
import { Readable } from 'node:stream';
import { resolve } from 'node:path';
import type { Balance, Entry, StatementEvent, StatementHeader } from '../statement';
import { StatementFormatError, StatementTotals, transactionsOf, verifyBalances } from '../statement';
import { parseCamt } from './camt.parser';
import { parseMt940 } from './mt940.parser';

// Real statements published by banks and parser projects, read in place from ../shared
// (see SOURCES.md there for origins and the expected figures used below).
const FIXTURES = resolve(__dirname, '../../../../../../shared/fixtures/statements');
const file = (path: string) => createReadStream(resolve(FIXTURES, path), { highWaterMark: 1024 });
const text = (content: string) => Readable.from([content]);

interface StatementSummary {
  header: StatementHeader;
  entries: number;
  credits: string;
  debits: string;
  reversals: number;
  details: number;
  endToEndIds: string[];
  balances: Balance[];
  /** Why the balances do not reconcile, or undefined when they do (or there are none). */
  mismatch?: string;
}

/** Reads a stream of events into per-statement totals, keeping no entries. */
async function summarise(events: AsyncIterable<StatementEvent>): Promise<StatementSummary[]> {
  const summaries: StatementSummary[] = [];
  let current: { header: StatementHeader; totals?: StatementTotals; reversals: number; details: number; endToEndIds: string[] } | undefined;
  for await (const event of events) {
    if (event.kind === 'statement') current = { header: event.header, reversals: 0, details: 0, endToEndIds: [] };
    else if (event.kind === 'entry' && current) {
      current.totals ??= new StatementTotals(event.entry.currency);
      current.totals.add(event.entry);
      if (event.entry.reversal) current.reversals += 1;
      current.details += event.entry.details.length;
      for (const d of event.entry.details) if (d.endToEndId) current.endToEndIds.push(d.endToEndId);
    } else if (event.kind === 'end' && current) {
      const totals = current.totals ?? new StatementTotals(current.header.currency ?? event.balances[0]?.currency ?? 'EUR');
      summaries.push({
        header: current.header,
        entries: totals.count,
        credits: totals.credits.toString(),
        debits: totals.debits.toString(),
        reversals: current.reversals,
        details: current.details,
        endToEndIds: current.endToEndIds,
        balances: event.balances,
        mismatch: verifyBalances(totals, event.balances),
      });
      current = undefined;
    }
  }
  return summaries;
}

describe('statement parsers on real files', () => {
  beforeAll(() => {
    if (!existsSync(FIXTURES)) throw new Error(`the shared statement fixtures are missing at ${FIXTURES}`);
  });

  it('camt.053 FFFS (Finland): 10 entries, 12 details, reconciles', async () => {
    const [s] = await summarise(parseCamt(file('camt053/moov-iso20022__FFFS-Finland-official-sample__camt.053.001.02.xml')));
    expect(s).toMatchObject({ entries: 10, details: 12, credits: '23075.00', debits: '9430.17', reversals: 0, mismatch: undefined });
    expect(s.header).toMatchObject({ format: 'camt.053', account: 'FI7433010001222090' });
    expect(s.balances.find((b) => b.type === 'CLBD')).toMatchObject({ amount: '23644.83', currency: 'EUR' });
  });

  it('camt.053 PostFinance: reconciles only value-date-aware (a forward-valued credit)', async () => {
    const [s] = await summarise(parseCamt(file('camt053/moov-iso20022__PostFinance-CH-sample__camt.053.001.04.xml')));
    expect(s).toMatchObject({ entries: 5, credits: '4733.72', debits: '77.70', mismatch: undefined });
    expect(s.header.account).toBe('CH2909000000250094239');
  });

  it('camt.053 ABN AMRO style: reads a reversal with two details, and finds that it does not reconcile', async () => {
    const [s] = await summarise(parseCamt(file('camt053/OCA-bank-statement-import__test-camt053__NL-ABNAMRO-style__camt.053.001.02.xml')));
    expect(s).toMatchObject({ entries: 3, details: 4, reversals: 1 });
    expect(s.mismatch).toMatch(/closing balance is 15121.12/);
  });

  it('camt.053 .001.08: a date-time booking date, and balances in other currencies refused for reconciliation', async () => {
    const [s] = await summarise(parseCamt(file('camt053/genkgo-camt__camt053.v8__camt.053.001.08.xml')));
    expect(s).toMatchObject({ entries: 1, credits: '8.85' });
    expect(s.mismatch).toMatch(/balances in/);
  });

  it('camt.054 FFFS: 6 entries, 13 details, one reversal, no balances', async () => {
    const [s] = await summarise(parseCamt(file('camt054/moov-iso20022__FFFS-Finland-official-sample__camt.054.001.02.xml')));
    expect(s).toMatchObject({ entries: 6, details: 13, credits: '5600.00', debits: '5230.05', reversals: 1, balances: [] });
    expect(s.header.format).toBe('camt.054');
  });

  it('camt.054 PostFinance ESR batch: a credit of 1,537.00 split into 5 details', async () => {
    const [s] = await summarise(parseCamt(file('camt054/moov-iso20022__PostFinance-CH-ESR-batch__camt.054.001.04.xml')));
    expect(s).toMatchObject({ entries: 2, details: 6, credits: '1537.00', debits: '147.00' });
  });

  it('MT940 Rabobank: two statements, structured :86: with end-to-end ids, reconciles', async () => {
    const statements = await summarise(parseMt940(file('mt940/wolph-mt940__jejik__Rabobank-IBAN-structured86.sta')));
    expect(statements).toHaveLength(2);
    for (const s of statements) expect(s).toMatchObject({ entries: 2, debits: '35.00', mismatch: undefined });
    expect(statements[0].endToEndIds[0]).toBe('01-01-2013 12:00 0030000987654321');
  });

  it('MT940 betterplace (DE): 26 statements, 97 lines, 2 RC reversals, all reconcile', async () => {
    const statements = await summarise(parseMt940(file('mt940/wolph-mt940__betterplace__DE-SEPA-structured86-GVC.sta')));
    expect(statements).toHaveLength(26);
    expect(statements.reduce((n, s) => n + s.entries, 0)).toBe(97);
    expect(statements.reduce((n, s) => n + s.reversals, 0)).toBe(2);
    expect(statements.filter((s) => s.mismatch)).toEqual([]);
  });

  it('MT940 betterplace (DE): the ?nn sub-fields give each booking its reference, payer, account and purpose', async () => {
    const entries = await entriesOf(parseMt940(file('mt940/wolph-mt940__betterplace__DE-SEPA-structured86-GVC.sta')));
    expect(entries.find((e) => e.details[0].counterpartyAccount === 'DE42100100100043921105')?.details[0]).toMatchObject({
      endToEndId: 'EndToEndIdTFNR2000400001',
      counterpartyName: 'Richter Renate 70 Zeichen Beginn Fuellzeichen xxxxxxxx',
      remittance: expect.stringMatching(/^TO 13 TFNr 20004 Eingangskanal Mint/),
    });
    // a collective booking (SAMMLER) names its batch, not its payments: the file lists none of them, so it stays one line
    expect(entries.filter((e) => /Datei mit \d+ Zahlungen/.test(e.information ?? '')).every((e) => e.details.length === 1)).toBe(true);
    expect(entries.filter((e) => e.details[0].counterpartyName).length).toBeGreaterThan(40);
  });

  it('MT940 mBank (PL): SOH/ETX wrapped, three credits of 0.01, reconciles', async () => {
    const [s] = await summarise(parseMt940(file('mt940/wolph-mt940__mBank-PL.sta')));
    expect(s).toMatchObject({ entries: 3, credits: '0.03', mismatch: undefined });
    expect(s.header.account).toBe('PL29114010810000267002001002');
  });

  it('MT940 ABN AMRO: reads both messages and finds that they do not reconcile', async () => {
    const statements = await summarise(parseMt940(file('mt940/wolph-mt940__jejik__ABNAMRO.sta')));
    expect(statements).toHaveLength(2);
    expect(statements[0]).toMatchObject({ entries: 8, debits: '321.44' });
    expect(statements.some((s) => s.mismatch)).toBe(true);
  });
});

/** The entries of a file, whole. */
async function entriesOf(events: AsyncIterable<StatementEvent>): Promise<Entry[]> {
  const entries: Entry[] = [];
  for await (const event of events) if (event.kind === 'entry') entries.push(event.entry);
  return entries;
}

describe('a batched entry is a line per transaction, checked against its amount', () => {
  it('camt.054 PostFinance ESR: the 1,537.00 credit is five lines, each with its amount, reference and payer', async () => {
    const [batch, single] = await entriesOf(parseCamt(file('camt054/moov-iso20022__PostFinance-CH-ESR-batch__camt.054.001.04.xml')));
    const lines = transactionsOf(batch);
    expect(lines.map((t) => t.amount)).toEqual(['250.00', '200.00', '300.00', '324.00', '463.00']);
    expect(lines.every((t) => t.batch?.line === batch.line && t.batch.amount === '1537.00')).toBe(true);
    expect(new Set(lines.map((t) => t.line)).size).toBe(5);
    expect(lines[0].detail).toMatchObject({ endToEndId: 'EndToEndId-001-02-02', counterpartyName: 'Bernasconi Maria' });
    // one transaction: the entry itself, as before
    expect(transactionsOf(single)).toEqual([{ line: single.line, amount: '147.00', detail: single.details[0] }]);
  });

  it('camt.053 FFFS and camt.054 FFFS: every batch adds up; a line per transaction of a batch', async () => {
    const fi053 = await entriesOf(parseCamt(file('camt053/moov-iso20022__FFFS-Finland-official-sample__camt.053.001.02.xml')));
    const fi054 = await entriesOf(parseCamt(file('camt054/moov-iso20022__FFFS-Finland-official-sample__camt.054.001.02.xml')));
    expect([fi053, fi054].map((es) => es.flatMap(transactionsOf).length)).toEqual([13, 13]);
  });

  const camtBatch = (details: string) =>
    `<?xml version="1.0"?>\n<Document><BkToCstmrDbtCdtNtfctn><Ntfctn><Id>N1</Id><Acct><Id><IBAN>CH2909000000250094239</IBAN></Id><Ccy>CHF</Ccy></Acct>
<Ntry><Amt Ccy="CHF">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-11-02</Dt></BookgDt><NtryDtls>
${details}
</NtryDtls></Ntry></Ntfctn></BkToCstmrDbtCdtNtfctn></Document>`;
  const tx = (e2e: string, amount?: string) =>
    `<TxDtls><Refs><EndToEndId>${e2e}</EndToEndId></Refs>${amount ? `<Amt Ccy="CHF">${amount}</Amt>` : ''}</TxDtls>`;

  it('refuses a batch whose transactions do not add up to the entry, naming the entry’s line', async () => {
    const refused = entriesOf(parseCamt(text(camtBatch(tx('A', '60.00') + tx('B', '30.00')))));
    await expect(refused).rejects.toThrow(
      new StatementFormatError(3, 'Ntry', "the entry's amount 100.00 is not the sum of its 2 transactions' amounts (90.00)"),
    );
  });

  it('keeps a batch whose transactions carry no amounts as one line, with the first one’s details', async () => {
    const [entry] = await entriesOf(parseCamt(text(camtBatch(tx('A') + tx('B')))));
    expect(transactionsOf(entry)).toEqual([{ line: 3, amount: '100.00', detail: expect.objectContaining({ endToEndId: 'A' }) }]);
  });
});

describe('statements in any ISO 4217 currency, each judged by its own minor unit', () => {
  const camtIn = (ccy: string, opening: string, amount: string, closing: string) =>
    `<?xml version="1.0"?>\n<Document><BkToCstmrStmt><Stmt><Id>S-${ccy}</Id><Acct><Id><IBAN>NO9386011117947</IBAN></Id><Ccy>${ccy}</Ccy></Acct>
<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="${ccy}">${opening}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-01</Dt></Dt></Bal>
<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="${ccy}">${closing}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-02</Dt></Dt></Bal>
<Ntry><Amt Ccy="${ccy}">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-11-02</Dt></BookgDt></Ntry>
</Stmt></BkToCstmrStmt></Document>`;
  const refusal = async (events: AsyncIterable<unknown>) => {
    try {
      for await (const _ of events) void _;
    } catch (e) {
      return e as StatementFormatError;
    }
    return undefined;
  };

  it.each([
    ['NOK', '1000.00', '250.50', '1250.50'],
    ['DKK', '10.00', '0.25', '10.25'],
    ['MKD', '61500.00', '1230.00', '62730.00'],
    ['KWD', '100.000', '1.234', '101.234'],
    ['JPY', '1000', '2700', '3700'],
  ])('camt.053 in %s reconciles', async (ccy, opening, amount, closing) => {
    const [s] = await summarise(parseCamt(text(camtIn(ccy, opening, amount, closing))));
    expect(s).toMatchObject({ entries: 1, mismatch: undefined });
    expect(s.header.currency).toBe(ccy);
  });

  it('refuses decimals a currency does not have, and a code that is not ISO 4217', async () => {
    expect((await refusal(parseCamt(text(camtIn('KWD', '100.000', '1.2345', '101.234')))))?.reason).toBe(
      '"1.2345" has more than three decimals',
    );
    expect((await refusal(parseCamt(text(camtIn('JPY', '1000', '27.5', '1027')))))?.reason).toBe(
      '"27.5" has decimals, which JPY has none of',
    );
    expect((await refusal(parseCamt(text(camtIn('ABC', '1.00', '1.00', '2.00')))))?.reason).toBe('"ABC" is not an ISO 4217 currency');
    const mt = ':20:S1\n:25:NO9386011117947\n:60F:C261101XYZ100,00\n:62F:C261101XYZ100,00\n';
    expect((await refusal(parseMt940(text(mt))))?.message).toBe('line 3, :60F:: "XYZ" is not an ISO 4217 currency');
  });

  it('MT940 in KWD keeps three decimals', async () => {
    const mt = ':20:S1\n:25:KW81CBKU0000000000001234560101\n:60F:C261101KWD100,000\n:61:261102C1,234NTRFNONREF\n:62F:C261102KWD101,234\n';
    const [s] = await summarise(parseMt940(text(mt)));
    expect(s).toMatchObject({ entries: 1, credits: '1.234', mismatch: undefined });
  });
});

describe('malformed statements are refused with the line, the element and the reason', () => {
  const camt = (
    entries: string,
    balance = '<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-01</Dt></Dt></Bal>',
  ) =>
    `<?xml version="1.0"?>\n<Document><BkToCstmrStmt><Stmt><Id>S1</Id><Acct><Id><IBAN>FI7433010001222090</IBAN></Id></Acct>\n${balance}\n${entries}\n</Stmt></BkToCstmrStmt></Document>`;
  const ntry = (amount: string, date = '2026-11-02') =>
    `<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>${date}</Dt></BookgDt></Ntry>`;
  const refusal = async (events: AsyncIterable<unknown>) => {
    try {
      for await (const _ of events) void _;
    } catch (e) {
      return e;
    }
    return undefined;
  };

  it('a truncated XML file', async () => {
    const e = await refusal(parseCamt(text(camt(ntry('5.00')).slice(0, -30))));
    expect(e).toBeInstanceOf(StatementFormatError);
    expect((e as Error).message).toBe('line 5, Document/BkToCstmrStmt/Stmt: unclosed tag: Stmt');
  });

  it('a non-numeric amount', async () => {
    const e = (await refusal(parseCamt(text(camt(ntry('12,5O')))))) as StatementFormatError;
    expect(e.message).toBe('line 4, Document/BkToCstmrStmt/Stmt/Ntry/Amt: "12,5O" is not an amount');
  });

  it('a date that does not exist', async () => {
    const e = (await refusal(parseCamt(text(camt(ntry('5.00', '2026-02-30')))))) as StatementFormatError;
    expect(e.message).toBe('line 4, Document/BkToCstmrStmt/Stmt/Ntry/BookgDt/Dt: "2026-02-30" is not a date');
  });

  it('a wrong balance is found, not silently accepted', async () => {
    const closing =
      '<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">99.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-30</Dt></Dt></Bal>';
    const [s] = await summarise(parseCamt(text(camt(ntry('5.00') + closing))));
    expect(s.mismatch).toBe('opening 10.00 + entries 5.00 = 15.00, but the closing balance is 99.00');
  });

  it('an MT940 line with a non-numeric amount', async () => {
    const mt = ':20:S1\n:25:NL71RABO0123456789\n:28C:1\n:60F:C130101EUR1000,00\n:61:130101D2X,00N102NONREF\n:62F:C130101EUR975,00\n';
    const e = (await refusal(parseMt940(text(mt)))) as StatementFormatError;
    expect(e.message).toBe('line 5, :61:: "130101D2X,00N102NONREF" is not a statement line (date, C/D/RC/RD, amount, type)');
  });

  it('an MT940 statement that never closes', async () => {
    const mt = ':20:S1\n:25:NL71RABO0123456789\n:60F:C130101EUR1000,00\n:61:130101D25,00N102NONREF\n';
    const e = (await refusal(parseMt940(text(mt)))) as StatementFormatError;
    expect(e.message).toMatch(/the statement ends without a closing balance/);
  });

  it('an MT940 bad date', async () => {
    const mt = ':20:S1\n:25:NL71RABO0123456789\n:60F:C131301EUR1000,00\n:62F:C131301EUR1000,00\n';
    const e = (await refusal(parseMt940(text(mt)))) as StatementFormatError;
    expect(e.message).toBe('line 3, :60F:: "131301" is not a date');
  });
});
