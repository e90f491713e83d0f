import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startApi, TestApi } from '../support/api';
import { isolatedConfig } from '../support/stack';
import { zh } from '../../apps/portal/src/messages';

const ROOT = resolve(__dirname, '../..');
const FILE = 'apps/portal/src/api-schema.ts';
const REGENERATE = 'UPDATE_API_TYPES=1 npx jest test/integration/api-types.test.ts';

const HEADER = `// GENERATED FILE, do not edit: the API's OpenAPI document (GET /docs/openapi.json) as TypeScript
// types, by openapi-typescript (openapiTS + astToString), then Prettier. The portal's transport
// (api.ts, openapi-fetch) checks paths, methods, parameters and bodies against it.
// test/integration/api-types.test.ts fails while it differs from what the API documents; after
// changing a controller or a DTO, regenerate it (with UPDATE_API_TYPES=1 in the environment that
// test writes this file instead of comparing):
//   ${REGENERATE}
`;

/**
 * openapi-typescript and Prettier are ES modules that Jest's CommonJS loader cannot require:
 * they run in a Node of their own, the document on stdin, the file's text on stdout.
 */
const GENERATOR = `
import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const document = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const file = process.env.API_TYPES_FILE;
// a property with a default may be left out of a request body: optional, not required
const ast = await openapiTS(document, { silent: true, defaultNonNullable: false });
const text = process.env.API_TYPES_HEADER + '\\n' + astToString(ast);
process.stdout.write(await format(text, { ...(await resolveConfig(file)), filepath: file }));
`;

function generate(document: unknown): string {
  return execFileSync(process.execPath, ['--input-type=module', '--eval', GENERATOR], {
    cwd: ROOT,
    input: JSON.stringify(document),
    encoding: 'utf8',
    env: { ...process.env, API_TYPES_FILE: resolve(ROOT, FILE), API_TYPES_HEADER: HEADER },
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * The portal's API types are generated from the OpenAPI document and committed: a controller
 * or DTO changed without regenerating them fails here, before the portal drifts from the API.
 * With UPDATE_API_TYPES=1 the test writes the file instead of comparing.
 */
describe('the portal’s API types are the OpenAPI document’s', () => {
  let api: TestApi;
  let document: unknown;

  beforeAll(async () => {
    api = await startApi(await isolatedConfig('api-types'));
    document = (await api.http().get('/docs/openapi.json').expect(200)).body;
  });

  afterAll(async () => {
    await api?.close();
  });

  it(`${FILE} is what openapi-typescript makes of the document`, () => {
    const generated = generate(document);
    const path = resolve(ROOT, FILE);
    if (process.env.UPDATE_API_TYPES) {
      writeFileSync(path, generated);
      return;
    }
    const committed = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (committed !== generated) {
      const [was, now] = [committed.split('\n'), generated.split('\n')];
      let line = 0;
      while (was[line] === now[line]) line += 1;
      throw new Error(
        `${FILE} is out of date with the OpenAPI document (a controller or DTO changed without regenerating it): ` +
          `line ${line + 1} is\n  ${was[line] ?? '(nothing)'}\nwhere the document now gives\n  ${now[line] ?? '(nothing)'}\n` +
          `Regenerate it with\n  ${REGENERATE}\nthen check that the portal still compiles (npx tsc -p apps/portal --noEmit) and commit both.`,
      );
    }
    expect(committed).toBe(generated);
  });

  // a message keyed by a code the API never sends is never shown: the reader gets the generic one
  it('every refusal the portal explains by its code is a code the API documents', () => {
    const codes = new Set((document as { components: { schemas: { ErrorCode: { enum: string[] } } } }).components.schemas.ErrorCode.enum);
    const ownTexts = ['generic', 'withDetail', 'unexpected'];
    const explained = Object.keys(zh)
      .filter((key) => key.startsWith('error.'))
      .map((key) => key.slice('error.'.length))
      .filter((code) => !ownTexts.includes(code));
    expect(explained.filter((code) => !codes.has(code))).toEqual([]);
  });
});
