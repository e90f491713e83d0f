import { ApiProperty } from '@nestjs/swagger';
import { ReceiptStatus } from '../domain/warehouse-receipt';

/** A warehouse receipt as the API answers it: its quantity a decimal string. */
export class WarehouseReceiptView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'HBY-2026-000731' }) receiptNumber: string;
  @ApiProperty({ format: 'uuid' }) custodianId: string;
  @ApiProperty({ format: 'uuid' }) holderId: string;
  @ApiProperty({ example: 'COAL-5500' }) commodityCode: string;
  @ApiProperty({ example: 'Q5500, ash ≤ 15%' }) grade: string;
  @ApiProperty({ example: '12000.000' }) quantity: string;
  @ApiProperty({ example: 't' }) unit: string;
  @ApiProperty({ example: 'Hami bonded yard, bay 7' }) location: string;
  @ApiProperty({ enum: ReceiptStatus }) status: ReceiptStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The receipt it was split from' }) parentId: string | null;
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** A page of receipts (GET /warehouse-receipts). */
export class WarehouseReceiptPageView {
  @ApiProperty({ type: [WarehouseReceiptView] }) items: WarehouseReceiptView[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

/** A commodity: its unit and the haircut taken off its market value. */
export class CommodityView {
  @ApiProperty({ example: 'COAL-5500' }) code: string;
  @ApiProperty({ example: 'Thermal coal, 5500 kcal/kg' }) name: string;
  @ApiProperty({ example: 't' }) unit: string;
  @ApiProperty({ example: '0.15' }) haircut: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** A commodity's price on a date, per unit, and where it was read. */
export class CommodityPriceView {
  @ApiProperty({ example: 'COAL-5500' }) commodityCode: string;
  @ApiProperty({ format: 'date', example: '2026-11-25' }) priceDate: string;
  @ApiProperty({ example: '812.35' }) price: string;
  @ApiProperty({ example: 'CNY' }) currency: string;
  @ApiProperty({ example: 'CCTD Hami pithead index' }) source: string;
}

/** A page of a commodity's prices (GET /commodities/{code}/prices). */
export class CommodityPricePageView {
  @ApiProperty({ type: [CommodityPriceView] }) items: CommodityPriceView[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
