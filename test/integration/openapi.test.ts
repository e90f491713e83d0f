import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startApi, TestApi } from '../support/api';
import { isolatedConfig } from '../support/stack';

type Schema = {
  type?: string;
  example?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  items?: Schema;
  format?: string;
};

/** Every property schema in the document, with where it is. */
function* properties(node: unknown, path: string): Generator<[string, Schema]> {
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'properties' && value && typeof value === 'object') {
      for (const [name, schema] of Object.entries(value as Record<string, Schema>)) yield [`${path}.${name}`, schema];
    }
    yield* properties(value, `${path}.${key}`);
  }
}

/**
 * The OpenAPI document is what clients (and the fuzzer) trust: a documented type must be the
 * type the API sends and accepts. Found by schemathesis: a nullable string documented as an
 * object, and entity ids documented as UUIDs that are not always UUIDs.
 */
describe('the OpenAPI document tells the truth about types', () => {
  let api: TestApi;
  let document: { paths: Record<string, Record<string, { parameters?: Array<{ name: string; schema: Schema }> }>>; components: unknown };

  beforeAll(async () => {
    api = await startApi(await isolatedConfig('openapi'));
    document = (await api.http().get('/docs/openapi.json').expect(200)).body;
  });

  afterAll(async () => {
    await api?.close();
  });

  it('declares every property with a string example as a string', () => {
    const lying = [...properties(document.components, 'components')].filter(([, s]) => {
      const types = [s.type, ...(s.anyOf ?? s.oneOf ?? []).map((x) => x.type)].filter(Boolean);
      return typeof s.example === 'string' && types.length > 0 && !types.includes('string');
    });
    expect(lying.map(([path]) => path)).toEqual([]);
  });

  it('documents the audit trail’s entity id as any id, not only a UUID', () => {
    const parameters = document.paths['/audit-events'].get.parameters ?? [];
    expect(parameters.find((p) => p.name === 'entityId')?.schema.format).toBeUndefined();
  });

  it('lists every error code the code can raise, each once with its status and meaning', () => {
    const schemas = (
      document.components as {
        schemas: Record<string, { enum: string[]; 'x-codes': Array<{ code: string; status: number; summary: string }> }>;
      }
    ).schemas;
    const listed = schemas.ErrorCode['x-codes'];
    expect(new Set(listed.map((c) => c.code)).size).toBe(listed.length);
    expect(listed).toContainEqual(expect.objectContaining({ code: 'FINANCING.NOT_AT_THIS_STEP', status: 409 }));
    expect(listed).toContainEqual(expect.objectContaining({ code: 'MONEY.TOO_PRECISE', status: 400 }));
    expect(listed.filter((c) => !c.summary.trim() || c.summary.includes('…'))).toEqual([]);
    // every code written in the source is a catalogued one (tests aside)
    const root = resolve(__dirname, '../..');
    const files = execFileSync('git', ['ls-files', 'libs', 'workflows', 'apps/api', 'apps/common', 'apps/worker'], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.spec.ts') && existsSync(resolve(root, f)));
    const written = new Set(
      files.flatMap((f) =>
        [...readFileSync(resolve(root, f), 'utf8').matchAll(/'((?:[A-Z]+_)*[A-Z]+\.[A-Z][A-Z0-9_]+)'/g)].map((m) => m[1]),
      ),
    );
    expect([...written].filter((code) => !schemas.ErrorCode.enum.includes(code))).toEqual([]);
  });

  it('lists the codes of every catalogue any library exports', async () => {
    const listed = (document.components as { schemas: Record<string, { enum: string[] }> }).schemas.ErrorCode.enum;
    const root = resolve(__dirname, '../..');
    const isFactory = (v: unknown) => typeof v === 'function' && typeof (v as { code?: unknown }).code === 'string';
    const doors = await Promise.all(readdirSync(resolve(root, 'libs')).map((lib) => import(resolve(root, 'libs', lib, 'src/index.ts'))));
    const catalogued = doors
      .flatMap((door) => Object.values(door as Record<string, unknown>))
      .filter(
        (v): v is Record<string, { code: string }> =>
          !!v && typeof v === 'object' && Object.values(v).length > 0 && Object.values(v).every(isFactory),
      )
      .flatMap((catalogue) => Object.values(catalogue).map((factory) => factory.code));
    expect(catalogued.length).toBeGreaterThan(100);
    expect(catalogued.filter((code) => !listed.includes(code))).toEqual([]);
  });
});
