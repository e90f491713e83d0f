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

/**
 * The encoding of a text statement nobody named: valid UTF-8 is UTF-8; bytes GB18030 decodes
 * without a replacement character and that are mostly GB2312's Chinese are GB18030 (which
 * reads GBK too); anything else ISO-8859-1, which decodes every byte. A short latin-1 text can
 * still pass for Chinese: an account's setting is the sure way.
 */
export async function detectEncoding(chunks: AsyncIterable<Buffer>): Promise<StatementEncoding> {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const gb = iconv.getDecoder('GB18030');
  const pairs = new Gb2312Pairs();
  let isUtf8 = true;
  let isGb = true;
  for await (const bytes of chunks) {
    try {
      if (isUtf8) utf8.decode(bytes, { stream: true });
    } catch {
      isUtf8 = false;
    }
    if (isGb) {
      isGb = !gb.write(bytes).includes('\uFFFD');
      pairs.add(bytes);
    }
  }
  try {
    utf8.decode();
  } catch {
    isUtf8 = false;
  }
  if (isUtf8) return 'UTF-8';
  return isGb && !(gb.end() ?? '').includes('\uFFFD') && pairs.looksChinese() ? 'GB18030' : 'ISO-8859-1';
}
