import iconv from 'iconv-lite';

/** The character sets a bank's text statements (MT940, CSV) come in; XML declares its own. */
export const STATEMENT_ENCODINGS = ['UTF-8', 'GBK', 'GB18030', 'ISO-8859-1'] as const;
export type StatementEncoding = (typeof STATEMENT_ENCODINGS)[number];

/** A decoder that keeps a character whose bytes two chunks split whole. */
export function decoderOf(encoding: StatementEncoding): { write(bytes: Buffer): string; end(): string | undefined } {
  return iconv.getDecoder(encoding);
}

/**
 * Counts the high bytes of a GB text: pairs in GB2312's two-byte area (both bytes 0xA1–0xFE),
 * where nearly all Chinese a bank writes lies, and high bytes outside it. Latin-1 text (an
 * accented letter between ASCII ones) makes the second kind, which GB18030 would also decode.
 */
class Gb2312Pairs {
  inArea = 0;
  outside = 0;
  private lead: number | undefined;

  add(bytes: Buffer): void {
    for (const b of bytes) {
      if (this.lead !== undefined) {
        if (this.lead <= 0xf7 && b >= 0xa1 && b <= 0xfe) this.inArea += 1;
        else this.outside += 1;
        this.lead = undefined;
      } else if (b >= 0x80) {
        if (b >= 0xa1 && b <= 0xfe) this.lead = b;
        else this.outside += 1;
      }
    }
  }

  looksChinese(): boolean {
    return this.inArea > 0 && this.outside * 4 <= this.inArea;
  }
}

/** Whether the bytes are UTF-8 throughout (ASCII is). */
async function isUtf8(chunks: AsyncIterable<Buffer>): Promise<boolean> {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const bytes of chunks) utf8.decode(bytes, { stream: true });
    utf8.decode();
    return true;
  } catch {
    return false;
  }
}

/** Whether GB18030 decodes the bytes without a replacement character, and they are mostly GB2312's Chinese. */
async function isChinese(chunks: AsyncIterable<Buffer>): Promise<boolean> {
  const gb = iconv.getDecoder('GB18030');
  const pairs = new Gb2312Pairs();
  for await (const bytes of chunks) {
    if (gb.write(bytes).includes('\uFFFD')) return false;
    pairs.add(bytes);
  }
  return !(gb.end() ?? '').includes('\uFFFD') && pairs.looksChinese();
}

/**
 * The encoding of a text statement nobody named, from its bytes (read once, or twice when
 * they are not UTF-8): valid UTF-8 is UTF-8; bytes GB18030 decodes without a replacement
 * character and that are mostly GB2312's Chinese are GB18030 (which reads GBK too); anything
 * else ISO-8859-1, which decodes every byte. A short latin-1 text can still pass for Chinese:
 * an account's setting is the sure way.
 */
export async function detectEncoding(read: () => AsyncIterable<Buffer>): Promise<StatementEncoding> {
  if (await isUtf8(read())) return 'UTF-8';
  return (await isChinese(read())) ? 'GB18030' : 'ISO-8859-1';
}
