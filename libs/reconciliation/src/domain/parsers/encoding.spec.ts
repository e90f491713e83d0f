import iconv from 'iconv-lite';
import type { Entry, StatementEvent } from '../statement';
import { parseCsv } from './csv.parser';
import { detectEncoding, StatementEncoding } from './encoding';
import { firstAccountOf, parseMt940 } from './mt940.parser';

/** The bytes one at a time: every multi-byte character is split between chunks. */
async function* byteByByte(bytes: Buffer): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i++) yield bytes.subarray(i, i + 1);
}

async function entriesOf(events: AsyncIterable<StatementEvent>): Promise<Entry[]> {
  const entries: Entry[] = [];
  for await (const event of events) if (event.kind === 'entry') entries.push(event.entry);
  return entries;
}

const PAYER = '新疆能源电力集团有限公司';
const PURPOSE = '货款 发票 HM-2026-001234';
const mt940 = [
  ':20:CN20261102',
  ':25:CN6201234567890123456',
  ':28C:1/1',
  ':60F:C261101CNY1000,00',
  ':61:2611021102C500,00NTRFNONREF',
  `:86:/EREF/RF-2026-000001/ORDP//NAME/${PAYER}/REMI/USTD//${PURPOSE}/`,
  ':62F:C261102CNY1500,00',
  '-',
].join('\r\n');

describe('text statements in the bank’s character set', () => {
  it.each<StatementEncoding>(['GBK', 'GB18030'])('reads an MT940 in GBK as %s, characters split between chunks whole', async (encoding) => {
    const [entry] = await entriesOf(parseMt940(byteByByte(iconv.encode(mt940, 'GBK')), encoding));
    expect(entry.details).toEqual([{ endToEndId: 'RF-2026-000001', counterpartyName: PAYER, remittance: PURPOSE }]);
  });

  it('detects UTF-8, GB18030 (for GBK too) and ISO-8859-1 from the bytes', async () => {
    const detect = (bytes: Buffer) => detectEncoding(() => byteByByte(bytes));
    expect(await detect(iconv.encode(mt940, 'GBK'))).toBe('GB18030');
    expect(await detect(iconv.encode(mt940, 'GB18030'))).toBe('GB18030');
    expect(await detect(Buffer.from(mt940, 'utf8'))).toBe('UTF-8');
    expect(await detect(Buffer.from(':86:GIRO 428428 KPN', 'latin1'))).toBe('UTF-8');
    // an accented letter between ASCII ones: GB18030 would decode it, but it is not Chinese
    expect(await detect(Buffer.from(':86:?32Müller Straße?33Bäckerei Jürgen', 'latin1'))).toBe('ISO-8859-1');
  });

  it('finds the account of an MT940 by its first :25:, whatever the encoding', async () => {
    expect(await firstAccountOf(byteByByte(iconv.encode(mt940, 'GBK')))).toBe('CN6201234567890123456');
    expect(await firstAccountOf(byteByByte(Buffer.from(':20:X\n:28C:1\n')))).toBeUndefined();
  });

  it('reads a CSV in GBK', async () => {
    const csv = `日期;金额;对方;摘要\n2026-11-02;500.00;${PAYER};${PURPOSE}\n`;
    const mapping = {
      delimiter: ';' as const,
      hasHeader: true,
      decimalSeparator: '.' as const,
      dateFormat: 'YYYY-MM-DD' as const,
      currency: 'CNY',
      columns: { bookingDate: 1, amount: 2, counterpartyName: 3, remittance: 4 },
    };
    const [entry] = await entriesOf(parseCsv(mapping, 'CN6201234567890123456', 'GBK')(byteByByte(iconv.encode(csv, 'GBK'))));
    expect(entry.details[0]).toMatchObject({ counterpartyName: PAYER, remittance: PURPOSE });
  });
});
