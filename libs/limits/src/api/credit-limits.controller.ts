import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsString, Length, Matches, ValidateNested, ValidateIf } from 'class-validator';
import { ListQuery, Page, pageOf } from '@caravan/http';
import { CurrentActor, Role, Roles } from '@caravan/access';
import type { Actor } from '@caravan/access';
import { AMOUNT, AMOUNT_MESSAGE, Money } from '@caravan/money';
import { CreditLimitsService } from '../application/credit-limits.service';
import { LimitKind } from '../domain/credit-limit';
import type { CreditLimitEntity, LimitReservationEntity } from '../infrastructure/credit-limit.entity';
import { LIMIT_SORTS } from '../infrastructure/credit-limit.repository';

export class LimitQuery extends ListQuery(LIMIT_SORTS) {}

export class LimitSubjectDto {
  @ApiProperty({ enum: LimitKind, example: LimitKind.CORE_ENTERPRISE })
  @IsEnum(LimitKind)
  kind: LimitKind;

  @ApiProperty({
    example: '5b0e7f0e-6a1c-4a57-9d0e-1d1b7a0c0002',
    description: 'An organisation id, or a commodity code for COMMODITY_CONCENTRATION',
  })
  @IsString()
  @Length(1, 64)
  subject: string;
}

export class SetLimitDto extends LimitSubjectDto {
  @ApiProperty({ example: '200000000.00' })
  @Matches(/^\d{1,18}(\.\d{1,2})?$/, { message: `amount ${AMOUNT_MESSAGE} (zero closes the limit)` })
  amount: string;
}

export class ReserveDto {
  @ApiProperty({ example: 'RF-2026-000123' })
  @IsString()
  @Length(1, 128)
  reference: string;

  @ApiProperty({ example: '1000000.00' })
  @Matches(AMOUNT, { message: `amount ${AMOUNT_MESSAGE}` })
  amount: string;

  @ApiProperty({ type: [LimitSubjectDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  @ValidateNested({ each: true })
  @Type(() => LimitSubjectDto)
  subjects: LimitSubjectDto[];
}

export class ReleaseDto {
  @ApiPropertyOptional({ example: '250000.00', description: 'Omit to release everything still reserved' })
  // omitted, or an amount: null is neither
  @ValidateIf((_, value) => value !== undefined)
  @Matches(AMOUNT, { message: `amount ${AMOUNT_MESSAGE}` })
  amount?: string;
}

export class CreditLimitView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) bankId: string;
  @ApiProperty({ enum: LimitKind }) kind: LimitKind;
  @ApiProperty() subject: string;
  @ApiProperty({ example: '200000000.00' }) amount: string;
  @ApiProperty({ example: '1250000.00' }) utilised: string;
  @ApiProperty({ example: '198750000.00' }) available: string;
  @ApiProperty({ example: 'CNY' }) currency: string;
}

/** A page of limits (GET /credit-limits), as the OpenAPI document describes it. */
export class CreditLimitPageView {
  @ApiProperty({ type: [CreditLimitView] }) items: CreditLimitView[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

const view = (l: CreditLimitEntity): CreditLimitView => ({
  id: l.id,
  bankId: l.bankId,
  kind: l.kind,
  subject: l.subject,
  amount: l.amount.toFixed(2),
  utilised: l.utilised.toFixed(2),
  available: l.amount.minus(l.utilised).toFixed(2),
  currency: l.currency,
});

const reservationView = (r: LimitReservationEntity) => ({
  limitId: r.limitId,
  reference: r.reference,
  amount: r.amount.toFixed(2),
  released: r.released.toFixed(2),
});

@ApiTags('credit limits')
@ApiBearerAuth()
@Controller('credit-limits')
export class CreditLimitsController {
  constructor(private readonly limits: CreditLimitsService) {}

  @Post()
  @Roles(Role.CREDIT_OFFICER, Role.APPROVER)
  @ApiOperation({ summary: "Set a limit of the caller's bank (per core enterprise, per SME, per debtor, per commodity)" })
  async set(@CurrentActor() actor: Actor, @Body() body: SetLimitDto): Promise<CreditLimitView> {
    return view(await this.limits.set(actor, { ...body, amount: Money.of(body.amount) }));
  }

  @Get()
  @Roles(Role.CREDIT_OFFICER, Role.APPROVER, Role.TREASURY, Role.BACK_OFFICE, Role.ADMIN, Role.AUDITOR)
  @ApiOperation({ summary: 'Limits with utilisation: a bank its own, the operator all' })
  @ApiOkResponse({ type: CreditLimitPageView })
  async list(@CurrentActor() actor: Actor, @Query() query: LimitQuery): Promise<Page<CreditLimitView>> {
    return pageOf(await this.limits.list(actor, query), query, view);
  }

  @Post('reservations')
  @Roles(Role.CREDIT_OFFICER, Role.TREASURY)
  @ApiOperation({ summary: 'Reserve an amount on every listed limit, all or none; idempotent by reference' })
  async reserve(@CurrentActor() actor: Actor, @Body() body: ReserveDto) {
    return (await this.limits.reserve(actor, { ...body, amount: Money.of(body.amount) })).map(reservationView);
  }

  @Post('reservations/:reference/release')
  @HttpCode(200)
  @Roles(Role.CREDIT_OFFICER, Role.TREASURY, Role.BACK_OFFICE)
  @ApiOperation({ summary: 'Release part or all of a reservation' })
  async release(@CurrentActor() actor: Actor, @Param('reference') reference: string, @Body() body: ReleaseDto) {
    return (await this.limits.release(actor, reference, body.amount === undefined ? undefined : Money.of(body.amount))).map(
      reservationView,
    );
  }
}
