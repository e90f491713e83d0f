import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { ListQuery, Page, pageOf, PageQuery, uuidParam } from '@caravan/http';
import { CurrentActor, Role, Roles } from '@caravan/access';
import type { Actor } from '@caravan/access';
import { CURRENCIES, Dec, parseDecimal } from '@caravan/money';
import { WarehouseReceiptsService } from '../application/warehouse-receipts.service';
import { ReceiptStatus, WarehouseReceipt } from '../domain/warehouse-receipt';
import type { CommodityEntity, CommodityPriceEntity } from '../infrastructure/warehouse-receipt.entities';
import { RECEIPT_SORTS } from '../infrastructure/warehouse-receipt.queries';
import { WarehouseErrors } from '../domain/warehouse.errors';
import { CommodityPricePageView, CommodityView, WarehouseReceiptPageView } from './warehouse-receipt.views';

const QUANTITY = /^(?!0+(\.0+)?$)\d{1,15}(\.\d{1,4})?$/;
const QUANTITY_MESSAGE = 'must be a positive decimal string with at most four decimals, e.g. "1250.500"';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class CommodityDto {
  @ApiProperty({ example: 'Thermal coal, 5500 kcal/kg' }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({ example: 't' }) @IsString() @Length(1, 16) unit: string;
  @ApiProperty({ example: '0.15', description: 'Share taken off the market value, 0 ≤ haircut < 1' })
  @Matches(/^0(\.\d{1,4})?$/, { message: 'haircut must be a decimal string from 0 up to (not including) 1, e.g. "0.15"' })
  haircut: string;
}

export class PriceDto {
  @ApiProperty({ format: 'date', example: '2026-11-25' })
  @Matches(DATE, { message: 'date must be YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'date must be a real calendar date' })
  date: string;

  @ApiProperty({ example: '812.35', description: 'Per unit of the commodity' })
  @Matches(QUANTITY, { message: `price ${QUANTITY_MESSAGE}` })
  price: string;

  @ApiPropertyOptional({ enum: CURRENCIES, default: 'CNY' }) @IsOptional() @IsIn(CURRENCIES) currency: string = 'CNY';
  @ApiProperty({ example: 'CCTD Hami pithead index' }) @IsString() @Length(1, 200) source: string;
}

export class IssueReceiptDto {
  @ApiProperty({ example: 'HBY-2026-000731' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,63}$/, { message: 'receiptNumber may hold letters, digits and . _ / - only' })
  receiptNumber: string;
  @ApiProperty({ format: 'uuid', description: 'The SME that owns the goods' }) @IsUUID() holderId: string;
  @ApiProperty({ example: 'COAL-5500' }) @IsString() @Length(2, 32) commodityCode: string;
  @ApiProperty({ example: 'Q5500, ash ≤ 15%' }) @IsString() @Length(1, 100) grade: string;
  @ApiProperty({ example: '12000.000', description: "In the commodity's unit" })
  @Matches(QUANTITY, { message: `quantity ${QUANTITY_MESSAGE}` })
  quantity: string;
  @ApiProperty({ example: 'Hami bonded yard, bay 7' }) @IsString() @Length(1, 200) location: string;
}

export class SplitDto {
  @ApiProperty({ type: [String], example: ['8000.000', '4000.000'], description: 'Must add up exactly to the receipt’s quantity' })
  @IsArray()
  @ArrayMaxSize(50)
  @Matches(QUANTITY, { each: true, message: `each quantity ${QUANTITY_MESSAGE}` })
  quantities: string[];
}

export class ReceiptQuery extends ListQuery(RECEIPT_SORTS) {
  @ApiPropertyOptional({ enum: ReceiptStatus }) @IsOptional() @IsIn(Object.values(ReceiptStatus)) status?: ReceiptStatus;
  @ApiPropertyOptional({ example: 'COAL-5500' }) @IsOptional() @IsString() @Length(2, 32) commodityCode?: string;
}

export class ValuationQuery {
  @ApiPropertyOptional({ format: 'date', description: 'Defaults to today' })
  @IsOptional()
  @Matches(DATE, { message: 'date must be YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'date must be a real calendar date' })
  date?: string;
}

const receiptView = (r: WarehouseReceipt) => ({ ...r, quantity: r.quantity.toFixed() });
const commodityView = (c: CommodityEntity) => ({ ...c, haircut: c.haircut.toFixed() });
const priceView = (p: CommodityPriceEntity) => ({ ...p, price: p.price.toFixed() });
const CUSTODIAN = [Role.CUSTODIAN_OFFICER];

@ApiTags('warehouse receipts')
@ApiBearerAuth()
@Controller()
export class WarehouseReceiptsController {
  constructor(private readonly receipts: WarehouseReceiptsService) {}

  @Put('commodities/:code')
  @Roles(Role.ADMIN)
  @ApiOperation({ summary: 'Define a commodity, its unit and haircut (platform operator)' })
  async defineCommodity(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() body: CommodityDto) {
    if (!/^[A-Z0-9-]{2,32}$/.test(code)) throw WarehouseErrors.BAD_CODE('code must be 2–32 of A–Z, 0–9 and -', 'code');
    return commodityView(await this.receipts.defineCommodity(actor, { code, ...body, haircut: parseDecimal(body.haircut) }));
  }

  @Get('commodities')
  @ApiOkResponse({ type: [CommodityView] })
  async commodities() {
    return (await this.receipts.commodities()).map(commodityView);
  }

  @Post('commodities/:code/prices')
  @Roles(Role.ADMIN)
  @ApiOperation({ summary: 'Record the price of a commodity on a date (one per date; a second replaces it)' })
  async price(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() body: PriceDto) {
    const saved = await this.receipts.recordPrice(actor, {
      commodityCode: code,
      priceDate: body.date,
      price: new Dec(body.price),
      currency: body.currency,
      source: body.source,
    });
    return priceView(saved);
  }

  @Get('commodities/:code/prices')
  @ApiOperation({ summary: "A commodity's recorded prices, newest first (the valuation takes the latest on or before its date)" })
  @ApiOkResponse({ type: CommodityPricePageView })
  async priceHistory(@Param('code') code: string, @Query() query: PageQuery): Promise<Page<ReturnType<typeof priceView>>> {
    return pageOf(await this.receipts.prices(code, query.limit, query.offset), query, priceView);
  }

  @Post('warehouse-receipts')
  @Roles(...CUSTODIAN)
  @ApiOperation({ summary: 'Issue a receipt for goods in the caller’s custody' })
  async issue(@CurrentActor() actor: Actor, @Body() body: IssueReceiptDto) {
    return receiptView(await this.receipts.issue(actor, { ...body, quantity: parseDecimal(body.quantity) }));
  }

  @Get('warehouse-receipts')
  @ApiOperation({ summary: 'Receipts the caller may see: custody, ownership, or a pledge to the caller’s bank' })
  @ApiOkResponse({ type: WarehouseReceiptPageView })
  async list(@CurrentActor() actor: Actor, @Query() query: ReceiptQuery): Promise<Page<ReturnType<typeof receiptView>>> {
    const found = await this.receipts.list(actor, { status: query.status, commodityCode: query.commodityCode }, query);
    return pageOf(found, query, receiptView);
  }

  @Get('warehouse-receipts/:id')
  async get(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string) {
    return receiptView(await this.receipts.get(actor, id));
  }

  @Get('warehouse-receipts/:id/valuation')
  @ApiOperation({ summary: 'Value on a date: latest price on or before it × quantity, less the haircut' })
  async valuation(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string, @Query() query: ValuationQuery) {
    const v = await this.receipts.valuation(actor, id, query.date);
    return { ...v, grossValue: v.grossValue.toString(), value: v.value.toString(), currency: v.value.currency };
  }

  @Post('warehouse-receipts/:id/split')
  @HttpCode(200)
  @Roles(...CUSTODIAN)
  @ApiOperation({ summary: 'Split into smaller receipts for exactly the same goods' })
  async split(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string, @Body() body: SplitDto) {
    return (
      await this.receipts.split(
        actor,
        id,
        body.quantities.map((q) => new Dec(q)),
      )
    ).map(receiptView);
  }

  @Post('warehouse-receipts/:id/release')
  @HttpCode(200)
  @Roles(...CUSTODIAN)
  @ApiOperation({ summary: 'The goods leave the yard' })
  async release(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string) {
    return receiptView(await this.receipts.custodianStep(actor, id, 'release'));
  }

  @Post('warehouse-receipts/:id/cancel')
  @HttpCode(200)
  @Roles(...CUSTODIAN)
  @ApiOperation({ summary: 'Cancel a receipt issued in error' })
  async cancel(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string) {
    return receiptView(await this.receipts.custodianStep(actor, id, 'cancel'));
  }
}
