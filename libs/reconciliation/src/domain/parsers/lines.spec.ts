import { StatementEncoding } from './encoding';
import { linesOf } from './lines';

async function collect(chunks: Array<string | Buffer>, encoding: StatementEncoding = 'UTF-8', max?: number): Promise<string[]> {
  const out: string[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const line of linesOf(source(), encoding, max)) out.push(line);
  return out;
}

describe('linesOf', () => {
  it('splits on LF and CRLF, across chunks, keeping a last line without a break', async () => {
    expect(await collect(['a,b\r\nc', 'd\ne', 'f'])).toEqual(['a,b', 'cd', 'ef']);
    expect(await collect(['one\n', '\n', 'three\n'])).toEqual(['one', '', 'three']);
  });

  it('decodes a character whose bytes two chunks split', async () => {
    const bytes = Buffer.from('付款\n', 'utf8');
    expect(await collect([bytes.subarray(0, 1), bytes.subarray(1, 4), bytes.subarray(4)])).toEqual(['付款']);
  });

  it('refuses a line longer than the limit, naming it', async () => {
    await expect(collect(['ok\n', 'x'.repeat(60), 'x'.repeat(60)], 'ISO-8859-1', 100)).rejects.toMatchObject({ line: 2, element: 'line' });
  });

  it('takes linear time on one long line in many small chunks', async () => {
    /** Milliseconds to split one line of `n` 50-character chunks (the fastest of three: a shared machine's pauses only slow). */
    const timeOf = async (n: number) => {
      const chunks = Array.from({ length: n }, () => 'x'.repeat(50));
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const started = process.hrtime.bigint();
        const [line] = await collect([...chunks, '\n'], 'ISO-8859-1', 8 << 20);
        best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
        expect(line.length).toBe(n * 50);
      }
      return best;
    };
    // four times the chunks: about four times the time if linear, sixteen if quadratic (as the
    // splitter once was); a ratio, not a wall-clock limit, so a loaded machine does not fail it
    const ratio = (await timeOf(80_000)) / (await timeOf(20_000));
    expect(ratio).toBeLessThan(9);
  });
});
