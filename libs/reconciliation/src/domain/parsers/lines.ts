import { StatementFormatError } from '../statement';
import { decoderOf, StatementEncoding } from './encoding';

/** Longer than any line a bank sends (MT940's are 65 characters, a :86: a few hundred): a refusal, not memory. */
export const MAX_LINE = 1 << 20;

/**
 * Splits a byte stream into lines in time linear in its size: a chunk is searched for line
 * breaks once, and the pieces of a line that spans chunks are joined once. A character split
 * between two chunks is decoded whole.
 */
export async function* linesOf(
  chunks: AsyncIterable<string | Buffer>,
  encoding: StatementEncoding,
  maxLine = MAX_LINE,
): AsyncGenerator<string> {
  const decoder = decoderOf(encoding);
  let pieces: string[] = [];
  let pending = 0;
  let lineNo = 0;
  const line = (last: string) => {
    const whole = (pieces.length ? pieces.join('') + last : last).replace(/\r$/, '');
    pieces = [];
    pending = 0;
    lineNo += 1;
    return whole;
  };
  const keep = (piece: string) => {
    pending += piece.length;
    if (pending > maxLine) throw new StatementFormatError(lineNo + 1, 'line', `is longer than ${maxLine} characters: not a statement line`);
    if (piece) pieces.push(piece);
  };
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let from = 0;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', from)) {
      keep(text.slice(from, at));
      yield line('');
      from = at + 1;
    }
    keep(text.slice(from));
  }
  keep(decoder.end() ?? '');
  if (pending > 0) yield line('');
}
