import type { INestApplication } from '@nestjs/common';
import { Client } from '@temporalio/client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/app';
import { APP_ROLE, pendingMigrations } from '@caravan/database';
import { isolatedConfig, ownerUrlOf } from '../support/stack';

/**
 * /health/ready costs little however often it is asked: one answer serves every caller for a
 * second, and the schema is one query naming what this build has not found applied (no query
 * runner held, none left behind when it fails).
 */
describe('readiness: cheap to ask, the schema checked in one query', () => {
  let app: INestApplication;
  let owner: DataSource;
  const ready = () => request(app.getHttpServer()).get('/health/ready');
  // the clock the readiness answer's age is read on, moved past the second it is kept
  let skew = 0;
  const pastCache = () => (skew += 1100);

  beforeAll(async () => {
    const now = Date.now.bind(Date);
    jest.spyOn(Date, 'now').mockImplementation(() => now() + skew);
    const config = await isolatedConfig('readiness');
    app = await createApiApp(config);
    await app.init();
    owner = await new DataSource({ type: 'postgres', url: ownerUrlOf(config), extra: { max: 1 } }).initialize();
  });

  afterAll(async () => {
    await owner?.destroy();
    await app?.close();
    jest.restoreAllMocks();
  });

  it('asks PostgreSQL and Temporal once for a burst of probes, again a second later', async () => {
    const describe = jest.spyOn(app.get(Client).workflowService, 'describeNamespace');
    pastCache();
    const answers = await Promise.all(Array.from({ length: 20 }, () => ready()));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(describe).toHaveBeenCalledTimes(1);
    pastCache();
    await ready().expect(200);
    expect(describe).toHaveBeenCalledTimes(2);
    describe.mockRestore();
  });

  it('names the migration the database lacks, and is not ready until it is back', async () => {
    const db = app.get(DataSource);
    expect(await pendingMigrations(db.manager)).toEqual([]);
    const [last] = await owner.query('SELECT id, timestamp, name FROM migrations ORDER BY id DESC LIMIT 1');
    await owner.query('DELETE FROM migrations WHERE id = $1', [last.id]);
    try {
      expect(await pendingMigrations(db.manager)).toEqual([last.name]);
      pastCache();
      expect((await ready().expect(503)).body.checks).toMatchObject({ database: 'up', temporal: 'up', migrations: 'down' });
    } finally {
      await owner.query('INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)', [last.id, last.timestamp, last.name]);
    }
    pastCache();
    await ready().expect(200);
  });

  it('leaves no connection behind when the schema cannot be read: more failures than the pool holds, then ready again', async () => {
    const pool = 20; // dataSourceOptions' extra.max
    await owner.query(`REVOKE SELECT ON migrations FROM ${APP_ROLE}`);
    try {
      for (let i = 0; i < pool + 5; i++) {
        pastCache();
        expect((await ready().expect(503)).body.checks).toMatchObject({ database: 'up', migrations: 'down' });
      }
    } finally {
      await owner.query(`GRANT SELECT ON migrations TO ${APP_ROLE}`);
    }
    pastCache();
    await ready().expect(200);
  });
});
