import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const dist = resolve(__dirname, '../../dist/apps');

describe('config is validated at boot', () => {
  it.each([
    ['api', 'api/src/main.js'],
    ['worker', 'worker/src/main.js'],
  ])('the %s refuses to start on a bad environment and says why', (_, main) => {
    const { PATH, HOME } = process.env;
    const result = spawnSync(process.execPath, [resolve(dist, main)], {
      env: { PATH, HOME, DATABASE_URL: 'mysql://nowhere/caravan', PORT: 'eighty' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Invalid configuration');
    expect(result.stderr).toContain('DATABASE_URL=<hidden> must be a postgres:// connection URL');
    expect(result.stderr).toContain('TEMPORAL_ADDRESS is required');
    expect(result.stderr).toContain('PORT="eighty"');
  });
});
