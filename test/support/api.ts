import type { INestApplication } from '@nestjs/common';
import { Client } from '@temporalio/client';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/app';
import type { AppConfig } from '@caravan/config';
import { ApiClient } from '../../scripts/api-client';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DemoParties, seedParties } from '../../scripts/demo-data';
import { ownerUrlOf } from './stack';

export interface TestApi {
  app: INestApplication;
  /** Unauthenticated requests. */
  http: () => ReturnType<typeof request>;
  /** Requests with a demo user's bearer token. */
  as: (email: string, password?: string) => Promise<TokenAgent>;
  /** Drops a cached token, for a person whose sessions a test ended: the next `as` signs in anew. */
  forget: (email: string) => void;
  client: ApiClient;
  parties: DemoParties;
  /** The app's own connection: least privilege, row-level security applies. */
  db: DataSource;
  /** The database as the owner of its tables sees it (past row-level security): the tests' checks. */
  owner: DataSource;
  temporal: Client;
  close(): Promise<void>;
}

export type TokenAgent = ReturnType<typeof request.agent>;

/** The real API app in this process, listening on a free port, with the demo parties onboarded. */
export async function startApi(config: AppConfig): Promise<TestApi> {
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const owner = await new DataSource({ type: 'postgres', url: ownerUrlOf(config), extra: { max: 4 } }).initialize();
  const client = new ApiClient(await app.getUrl());
  const parties = await seedParties(client);
  const tokens = new Map<string, string>();
  return {
    app,
    http: () => request(app.getHttpServer()),
    async as(email, password = DEMO_PASSWORD) {
      if (!tokens.has(email)) {
        const { body } = await request(app.getHttpServer()).post('/auth/login').send({ email, password }).expect(200);
        tokens.set(email, body.accessToken);
      }
      return request.agent(app.getHttpServer()).set('authorization', `Bearer ${tokens.get(email)}`);
    },
    forget: (email) => void tokens.delete(email),
    client,
    parties,
    db: app.get(DataSource),
    owner,
    temporal: app.get(Client),
    close: async () => {
      await app.close();
      await owner.destroy();
    },
  };
}

/** The demo people by what they do. */
export const PEOPLE = {
  applicant: DEMO_ORGANISATIONS.hami.users[0].email,
  financeManager: DEMO_ORGANISATIONS.hami.users[1].email,
  payablesClerk: DEMO_ORGANISATIONS.powerGroup.users[0].email,
  treasurer: DEMO_ORGANISATIONS.powerGroup.users[1].email,
  custodian: DEMO_ORGANISATIONS.yard.users[0].email,
  creditOfficer: DEMO_ORGANISATIONS.bank.users[0].email,
  approverA: DEMO_ORGANISATIONS.bank.users[1].email,
  approverB: DEMO_ORGANISATIONS.bank.users[2].email,
  treasury: DEMO_ORGANISATIONS.bank.users[3].email,
  backOffice: DEMO_ORGANISATIONS.bank.users[4].email,
} as const;
