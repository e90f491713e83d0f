import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWarehouseReceipts1764144400000 implements MigrationInterface {
  name = 'CreateWarehouseReceipts1764144400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE commodities (
        code text PRIMARY KEY CHECK (code ~ '^[A-Z0-9-]{2,32}$'),
        name text NOT NULL,
        unit text NOT NULL,
        haircut numeric(5, 4) NOT NULL CHECK (haircut >= 0 AND haircut < 1),
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE commodity_prices (
        commodity_code text NOT NULL REFERENCES commodities (code),
        price_date date NOT NULL,
        price numeric(20, 4) NOT NULL CHECK (price > 0),
        currency char(3) NOT NULL,
        source text NOT NULL,
        PRIMARY KEY (commodity_code, price_date)
      )`);
    await db.query(`
      CREATE TABLE warehouse_receipts (
        id uuid PRIMARY KEY,
        receipt_number text NOT NULL,
        custodian_id uuid NOT NULL REFERENCES organisations (id),
        holder_id uuid NOT NULL REFERENCES organisations (id),
        commodity_code text NOT NULL REFERENCES commodities (code),
        grade text NOT NULL,
        quantity numeric(20, 4) NOT NULL CHECK (quantity > 0),
        unit text NOT NULL,
        location text NOT NULL,
        status text NOT NULL CHECK (status IN ('ISSUED', 'PLEDGED', 'SPLIT', 'RELEASED', 'CANCELLED')),
        parent_id uuid REFERENCES warehouse_receipts (id),
        issued_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT warehouse_receipts_number_unique UNIQUE (custodian_id, receipt_number)
      )`);
    await db.query('CREATE INDEX warehouse_receipts_holder ON warehouse_receipts (holder_id, status)');
    await db.query('CREATE INDEX warehouse_receipts_parent ON warehouse_receipts (parent_id)');
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE warehouse_receipts');
    await db.query('DROP TABLE commodity_prices');
    await db.query('DROP TABLE commodities');
  }
}
