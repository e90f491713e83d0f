import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ReconciliationErrors } from '../domain/reconciliation.errors';

export interface SpooledFile {
  bytes: number;
  /** The file's content again, as often as needed. */
  read(): AsyncIterable<Buffer>;
  dispose(): Promise<void>;
}

/**
 * An upload written to a temporary file before any database transaction opens: a slow or
 * stalled client holds a socket and a file, never a connection of the pool. Past `maxBytes`
 * the upload is refused (413) and nothing of it kept.
 */
export async function spool(body: AsyncIterable<string | Buffer>, maxBytes: number): Promise<SpooledFile> {
  const path = join(tmpdir(), `caravan-statement-${randomUUID()}`);
  let bytes = 0;
  const cap = new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      bytes += Buffer.byteLength(chunk);
      if (bytes > maxBytes) done(ReconciliationErrors.STATEMENT_TOO_LARGE(`a statement file is at most ${maxBytes} bytes`));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(body, cap, createWriteStream(path, { mode: 0o600 }));
  } catch (e) {
    await rm(path, { force: true });
    throw e;
  }
  return { bytes, read: () => createReadStream(path, { highWaterMark: 1 << 20 }), dispose: () => rm(path, { force: true }) };
}
