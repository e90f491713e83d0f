import type { INestApplication } from '@nestjs/common';
import { Client } from '@temporalio/client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/app';
import type { AppConfig } from '../../libs/config/src';

export interface TestApi {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  db: DataSource;
  temporal: Client;
  close(): Promise<void>;
}

/** The real API app, in this process, on the given config. */
export async function startApi(config: AppConfig): Promise<TestApi> {
  const app = await createApiApp(config);
  await app.init();
  return {
    app,
    http: () => request(app.getHttpServer()),
    db: app.get(DataSource),
    temporal: app.get(Client),
    close: () => app.close(),
  };
}
