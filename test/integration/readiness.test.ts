import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/app';
import { APP_ROLE, pendingMigrations } from '@caravan/database';
import { isolatedConfig, ownerUrlOf } from '../support/stack';

/**
 * /health/ready checks the schema with one query naming what this build has not found applied
 * (no query runner held, none left behind when it fails).
 */
describe('readiness: the schema checked in one query', () => {
  let app: INestApplication;
  let owner: DataSource;
  const ready = () => request(app.getHttpServer()).get('/health/ready');

  beforeAll(async () => {
    const config = await isolatedConfig('readiness');
    app = await createApiApp(config);
    await app.init();
    owner = await new DataSource({ type: 'postgres', url: ownerUrlOf(config), extra: { max: 1 } }).initialize();
  });

  afterAll(async () => {
    await owner?.destroy();
    await app?.close();
  });

  it('names the migration the database lacks, and is not ready until it is back', async () => {
    const db = app.get(DataSource);
    expect(await pendingMigrations(db.manager)).toEqual([]);
    const [last] = await owner.query('SELECT id, timestamp, name FROM migrations ORDER BY id DESC LIMIT 1');
    await owner.query('DELETE FROM migrations WHERE id = $1', [last.id]);
    try {
      expect(await pendingMigrations(db.manager)).toEqual([last.name]);
      expect((await ready().expect(503)).body.checks).toMatchObject({ database: 'up', temporal: 'up', migrations: 'down' });
    } finally {
      await owner.query('INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)', [last.id, last.timestamp, last.name]);
    }
    await ready().expect(200);
  });

  it('leaves no connection behind when the schema cannot be read: more failures than the pool holds, then ready again', async () => {
    const pool = 20; // dataSourceOptions' extra.max
    await owner.query(`REVOKE SELECT ON migrations FROM ${APP_ROLE}`);
    try {
      for (let i = 0; i < pool + 5; i++)
        expect((await ready().expect(503)).body.checks).toMatchObject({ database: 'up', migrations: 'down' });
    } finally {
      await owner.query(`GRANT SELECT ON migrations TO ${APP_ROLE}`);
    }
    await ready().expect(200);
  });
});
