import type Decimal from 'decimal.js';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericTransformer } from '@caravan/money';
import { ReceiptStatus } from '../domain/warehouse-receipt';

@Entity({ name: 'commodities' })
export class CommodityEntity {
  @PrimaryColumn('text') code: string;
  @Column('text') name: string;
  @Column('text') unit: string;
  @Column('numeric', { precision: 5, scale: 4, transformer: numericTransformer }) haircut: Decimal;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}

@Entity({ name: 'commodity_prices' })
export class CommodityPriceEntity {
  @PrimaryColumn('text', { name: 'commodity_code' }) commodityCode: string;
  @PrimaryColumn('date', { name: 'price_date' }) priceDate: string;
  @Column('numeric', { precision: 20, scale: 4, transformer: numericTransformer }) price: Decimal;
  @Column('char', { length: 3 }) currency: string;
  @Column('text') source: string;
}

@Entity({ name: 'warehouse_receipts' })
export class WarehouseReceiptEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'receipt_number' }) receiptNumber: string;
  @Column('uuid', { name: 'custodian_id' }) custodianId: string;
  @Column('uuid', { name: 'holder_id' }) holderId: string;
  @Column('text', { name: 'commodity_code' }) commodityCode: string;
  @Column('text') grade: string;
  @Column('numeric', { precision: 20, scale: 4, transformer: numericTransformer }) quantity: Decimal;
  @Column('text') unit: string;
  @Column('text') location: string;
  @Column('text') status: ReceiptStatus;
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId: string | null;
  @Column('timestamptz', { name: 'issued_at' }) issuedAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
