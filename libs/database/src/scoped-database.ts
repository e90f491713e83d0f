import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * What a transaction may see of the tables PostgreSQL guards with row-level security: the rows
 * of one organisation, or (the operator's auditors and admins) every row, to read only.
 */
export interface DataScope {
  organisationId: string | null;
  readsAll: boolean;
}

/**
 * Transactions that tell PostgreSQL whose they are. The setting lives as long as the
 * transaction (`set_config(…, true)`), so a pooled connection never carries it to the next
 * caller; outside such a transaction the guarded tables show nothing at all.
 */
@Injectable()
export class ScopedDatabase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(scope: DataScope, work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (em) => {
      await enterScope(em, scope);
      return work(em);
    });
  }
}

/** Sets the scope of the transaction `em` is in (the caller opened it). */
export async function enterScope(em: EntityManager, scope: DataScope): Promise<void> {
  await em.query(`SELECT set_config('caravan.organisation', $1, true), set_config('caravan.reads_all', $2, true)`, [
    scope.organisationId ?? '',
    scope.readsAll ? 'on' : 'off',
  ]);
}

/** A row as pg hands it over, loosely typed: the mapper that reads it gives it its type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- columns are read by name, then mapped
export type SqlRow = Record<string, any>;
