import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '@caravan/database';

/** Commodities and prices are kept up to date; receipts change state and are split, never deleted. */
export class WarehouseReceiptPrivileges1764146100000 implements MigrationInterface {
  name = 'WarehouseReceiptPrivileges1764146100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`GRANT SELECT, INSERT, UPDATE ON commodities, commodity_prices, warehouse_receipts TO ${APP_ROLE}`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`REVOKE ALL ON commodities, commodity_prices, warehouse_receipts FROM ${APP_ROLE}`);
  }
}
