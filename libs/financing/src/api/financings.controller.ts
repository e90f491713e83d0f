import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Page, PageQuery, pageOf } from '../../../http/src/pagination';
import { uuidParam } from '../../../http/src/params';
import { ReasonDto } from '../../../http/src/reason.dto';
import { IdempotencyKey } from '../../../idempotency/src';
import { CurrentActor, Roles } from '../../../identity/src/api/auth.decorators';
import type { Actor } from '../../../identity/src/domain/actor';
import { Role } from '../../../identity/src/domain/organisation';
import { AMOUNT, AMOUNT_MESSAGE } from '../../../money/src/wire';
import type { Deadlines, Product } from '../../../temporal/src/contracts/financing.contract';
import type { DualControlRequest } from '../../../dual-control/src/domain/request';
import { OrganisationDirectory } from '../../../identity/src/application/organisation-directory';
import { OrganisationKind } from '../../../identity/src/domain/organisation';
import { DomainError } from '../../../errors/src';
import { FinancingPolicies } from '../application/financing-policies';
import type { FinancingPolicy, Pricing, PolicyVersion } from '../application/financing-policy';
import { Action, FinancingRow, FinancingsService } from '../application/financings.service';
import { SimulatedBanks, SimulatedPayment } from '../infrastructure/simulated-bank';
import type { RepaymentMethod } from '../domain/schedule';

const PRODUCTS = ['RECEIVABLE_FINANCING', 'WAREHOUSE_RECEIPT_LOAN'] as const;
const RATE = /^0(\.\d{1,6})?$|^1(\.0{1,6})?$/;

export class ApplicationDto {
  @ApiProperty({ enum: PRODUCTS }) @IsIn(PRODUCTS) product: Product;
  @ApiProperty({ format: 'uuid', description: 'The receivable or warehouse receipt' }) @IsUUID() assetId: string;
  @ApiProperty({ format: 'uuid', description: 'The bank asked to finance' }) @IsUUID() bankId: string;
  @ApiProperty({ example: '980000.00' }) @IsString({ message: `amount ${AMOUNT_MESSAGE}` }) @Matches(AMOUNT, { message: `amount ${AMOUNT_MESSAGE}` }) amount: string;
  @ApiPropertyOptional({ enum: ['BULLET', 'EQUAL_INSTALMENT', 'EQUAL_PRINCIPAL'], description: 'Warehouse-receipt loans only' })
  @IsOptional()
  @IsIn(['BULLET', 'EQUAL_INSTALMENT', 'EQUAL_PRINCIPAL'])
  method?: RepaymentMethod;
  @ApiPropertyOptional({ minimum: 1, maximum: 60, description: 'Monthly instalments, warehouse-receipt loans only' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  instalments?: number;
  @ApiPropertyOptional({ default: true, description: 'Receivable financing: with recourse to the SME if the buyer does not pay' })
  @IsOptional()
  @IsBoolean()
  recourse?: boolean;
}

export class CommentDto {
  @ApiPropertyOptional({ maxLength: 1000, example: 'Buyer is our client; exposure within appetite' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}

export class PaymentDto {
  @ApiProperty({ example: 'BNK-20270131-000451', description: "The bank's reference; a payment is applied once" }) @IsString() @Length(1, 128) reference: string;
  @ApiProperty({ example: '1008250.00' }) @IsString({ message: `amount ${AMOUNT_MESSAGE}` }) @Matches(AMOUNT, { message: `amount ${AMOUNT_MESSAGE}` }) amount: string;
}

export class ReleaseGoodsDto {
  @ApiProperty({ format: 'uuid', description: 'A pledged receipt securing this financing' }) @IsUUID() receiptId: string;
  @ApiProperty({ example: '200.000', description: "In the commodity's unit" })
  @Matches(/^(?!0+(\.0+)?$)\d{1,15}(\.\d{1,4})?$/, { message: 'quantity must be a positive decimal string with at most four decimals' })
  quantity: string;
}

export class TopUpDto {
  @ApiProperty({ format: 'uuid', description: 'Another receipt the SME holds, to pledge as more collateral' }) @IsUUID() receiptId: string;
}

export class FinancingQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'AWAITING_APPROVAL' }) @IsOptional() @IsString() @Length(1, 40) stage?: string;
}

class TierDto {
  @ApiProperty({ type: String, nullable: true, example: '1000000.00' }) @IsOptional() @Matches(AMOUNT, { message: `upTo ${AMOUNT_MESSAGE}` }) upTo: string | null;
  @ApiProperty({ example: 1 }) @IsInt() @Min(0) @Max(5) approvals: number;
}

class DeadlinesDto implements Deadlines {
  @ApiProperty() @IsInt() @Min(1) @Max(90) counterparty: number;
  @ApiProperty() @IsInt() @Min(1) @Max(90) recommendation: number;
  @ApiProperty() @IsInt() @Min(1) @Max(90) approval: number;
  @ApiProperty() @IsInt() @Min(1) @Max(90) acceptance: number;
  @ApiProperty() @IsInt() @Min(0) @Max(30) repaymentReminder: number;
  @ApiPropertyOptional({ description: 'Days to cure a margin call' }) @IsOptional() @IsInt() @Min(1) @Max(90) marginCure?: number;
}

class PricingDto implements Pricing {
  @ApiProperty({ example: '0.0435' }) @Matches(RATE, { message: 'annualRate must be a decimal rate from 0 to 1' }) annualRate: string;
  @ApiProperty({ example: '0.0653' }) @Matches(RATE, { message: 'penaltyRate must be a decimal rate from 0 to 1' }) penaltyRate: string;
  @ApiProperty({ example: '0.001' }) @Matches(RATE, { message: 'upfrontFeeRate must be a decimal rate from 0 to 1' }) upfrontFeeRate: string;
  @ApiProperty({ enum: ['ACT/360', 'ACT/365', '30/360'] }) @IsIn(['ACT/360', 'ACT/365', '30/360']) dayCount: 'ACT/360' | 'ACT/365' | '30/360';
  @ApiProperty({ example: 3, description: 'Days after a due date before penalty interest runs' }) @IsInt() @Min(0) @Max(30) graceDays: number;
}

class PricingByProductDto {
  @ApiProperty({ type: PricingDto }) @ValidateNested() @Type(() => PricingDto) RECEIVABLE_FINANCING: PricingDto;
  @ApiProperty({ type: PricingDto }) @ValidateNested() @Type(() => PricingDto) WAREHOUSE_RECEIPT_LOAN: PricingDto;
}

export class PolicyDto implements FinancingPolicy {
  @ApiProperty({ type: [TierDto] }) @IsArray() @ValidateNested({ each: true }) @Type(() => TierDto) tiers: TierDto[];
  @ApiProperty({ type: DeadlinesDto }) @IsObject() @ValidateNested() @Type(() => DeadlinesDto) deadlines: DeadlinesDto;
  @ApiProperty({ example: '0.8' }) @Matches(RATE, { message: 'maxAdvanceRate must be a decimal rate from 0 to 1' }) maxAdvanceRate: string;
  @ApiProperty({ example: '0.7' }) @Matches(RATE, { message: 'maxLtv must be a decimal rate from 0 to 1' }) maxLtv: string;
  @ApiProperty({ example: '0.8', description: 'Above this loan-to-value a margin call is made' })
  @Matches(RATE, { message: 'maintenanceLtv must be a decimal rate from 0 to 1' })
  maintenanceLtv: string;
  @ApiPropertyOptional({ isArray: true, enum: ['penalty', 'fee', 'interest', 'principal'], example: ['penalty', 'fee', 'interest', 'principal'] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMinSize(4)
  @ArrayMaxSize(4)
  @IsIn(['penalty', 'fee', 'interest', 'principal'], { each: true })
  allocationOrder?: Array<'penalty' | 'fee' | 'interest' | 'principal'>;

  @ApiProperty({ type: PricingByProductDto }) @IsObject() @ValidateNested() @Type(() => PricingByProductDto) pricing: PricingByProductDto;

  @ApiPropertyOptional({ format: 'date-time', description: 'In force from this time (or the approval, if later)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  effectiveFrom?: string;
}

export class FaultsDto {
  @ApiProperty({ format: 'uuid', description: "The bank whose simulated gateway misbehaves" }) @IsUUID() bankId: string;
  @ApiProperty({ example: 1, description: 'Refuse the next N payment instructions' }) @IsInt() @Min(0) @Max(1000) failNext: number;
  @ApiProperty({ example: 0, description: 'Settle each instruction only after this many ms' }) @IsInt() @Min(0) @Max(600000) delayMs: number;
}

const SME = [Role.APPLICANT, Role.FINANCE_MANAGER];
const BANK = [Role.CREDIT_OFFICER, Role.APPROVER, Role.TREASURY, Role.BACK_OFFICE];

@ApiTags('financing')
@ApiBearerAuth()
@Controller()
export class FinancingsController {
  constructor(
    private readonly financings: FinancingsService,
    private readonly policies: FinancingPolicies,
    private readonly banks: SimulatedBanks,
    private readonly organisations: OrganisationDirectory,
  ) {}

  @Post('financings/trial')
  @HttpCode(200)
  @Roles(...SME)
  @ApiOperation({ summary: '试算: the schedule, interest and fee these terms would book, and the most that can be financed' })
  trial(@CurrentActor() actor: Actor, @Body() body: ApplicationDto) {
    return this.financings.trial(actor, body);
  }

  @Post('financings')
  @Roles(...SME)
  @ApiOperation({ summary: 'Apply: starts the financing workflow (eligibility, confirmations, approval, disbursement, repayment)' })
  apply(@CurrentActor() actor: Actor, @Body() body: ApplicationDto): Promise<FinancingRow> {
    return this.financings.apply(actor, body);
  }

  @Get('financings')
  async list(@CurrentActor() actor: Actor, @Query() query: FinancingQuery): Promise<Page<FinancingRow>> {
    return pageOf(await this.financings.list(actor, query.stage, query.limit, query.offset), query, (r) => r);
  }

  @Get('financings/:id')
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string): Promise<FinancingRow> {
    return this.financings.get(actor, id);
  }

  @Get('financings/:id/timeline')
  @ApiOperation({ summary: 'Every step of the financing: what, who, when' })
  timeline(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string) {
    return this.financings.timeline(actor, id);
  }

  @Post('financings/:id/acknowledge')
  @HttpCode(200)
  @Roles(Role.PAYABLES_CLERK, Role.TREASURER, Role.CUSTODIAN_OFFICER)
  @ApiOperation({ summary: 'The buyer acknowledges the assignment notice, or the custodian confirms control of the goods' })
  acknowledge(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string, @Body() body: CommentDto, @IdempotencyKey() key?: string) {
    return this.step(actor, id, 'acknowledge', body.comment, key);
  }

  @Post('financings/:id/recommend')
  @HttpCode(200)
  @Roles(Role.CREDIT_OFFICER)
  @ApiOperation({ summary: 'The maker recommends it for approval' })
  recommend(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string, @Body() body: CommentDto, @IdempotencyKey() key?: string) {
    return this.step(actor, id, 'recommend', body.comment, key);
  }

  @Post('financings/:id/approve')
  @HttpCode(200)
  @Roles(Role.APPROVER)
  @ApiOperation({ summary: 'A checker approves; refused for one’s own recommendation or twice; not counted above one’s authority' })
  approve(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string, @Body() body: CommentDto, @IdempotencyKey() key?: string) {
    return this.step(actor, id, 'approve', body.comment, key);
  }

  @Post('financings/:id/reject')
  @HttpCode(200)
  @Roles(Role.CREDIT_OFFICER, Role.APPROVER)
  reject(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string, @Body() body: ReasonDto, @IdempotencyKey() key?: string) {
    return this.step(actor, id, 'reject', body.reason, key);
  }

  @Post('financings/:id/withdraw')
  @HttpCode(200)
  @Roles(...SME)
  @ApiOperation({ summary: 'The SME withdraws its application (before approval)' })
  withdraw(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string, @Body() body: CommentDto, @IdempotencyKey() key?: string) {
    return this.step(actor, id, 'withdraw', body.comment, key);
  }

  @Post('financings/:id/accept')
  @HttpCode(200)
  @Roles(...SME)
  @ApiOperation({ summary: 'The SME accepts the offer: disbursement starts' })
  accept(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string, @Body() body: CommentDto, @IdempotencyKey() key?: string) {
    return this.step(actor, id, 'accept', body.comment, key);
  }

  @Post('financings/:id/payments')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'The approval request: the payment is allocated once another person approves it' })
  @Roles(Role.BACK_OFFICE, Role.TREASURY)
  @ApiOperation({
    summary:
      'Record by hand a payment no statement line shows: allocated (penalty → fee → interest → principal) once a second person approves the request. A payment on a statement is matched instead (POST /reconciliation/matches)',
  })
  pay(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string, @Body() body: PaymentDto): Promise<DualControlRequest> {
    return this.financings.requestPayment(actor, id, body.reference, body.amount);
  }

  @Post('financings/:id/release-goods')
  @HttpCode(200)
  @Roles(...SME, Role.CUSTODIAN_OFFICER)
  @ApiOperation({ summary: 'Release part of the pledged goods, never below the LTV line (warehouse-receipt loans)' })
  releaseGoods(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string, @Body() body: ReleaseGoodsDto, @IdempotencyKey() key?: string) {
    return this.financings.act(actor, id, 'releaseGoods', undefined, { receiptId: body.receiptId, quantity: body.quantity }, key);
  }

  @Post('financings/:id/collateral')
  @HttpCode(200)
  @Roles(...SME)
  @ApiOperation({ summary: 'Pledge another receipt as more collateral (cures a margin call)' })
  topUp(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string, @Body() body: TopUpDto, @IdempotencyKey() key?: string) {
    return this.financings.act(actor, id, 'topUp', undefined, { receiptId: body.receiptId }, key);
  }

  @Get('financing-policy')
  @Roles(...BANK)
  @ApiOperation({ summary: "The bank's policy in force: version, since when, who proposed and who approved it" })
  policy(@CurrentActor() actor: Actor): Promise<PolicyVersion> {
    return this.policies.current(actor);
  }

  @Get('financing-policy/versions')
  @Roles(...BANK)
  @ApiOperation({ summary: "Every version the bank adopted, newest first (including ones not yet in force)" })
  async versions(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<Page<PolicyVersion>> {
    return pageOf(await this.policies.versions(actor, query.limit, query.offset), query, (v) => v);
  }

  @Post('financing-policy/proposals')
  @HttpCode(202)
  @Roles(Role.CREDIT_OFFICER, Role.APPROVER)
  @ApiAcceptedResponse({ description: 'The approval request: nothing is in force until another person approves it' })
  @ApiOperation({ summary: "Propose the bank's authority matrix, deadlines, ratios and pricing: adopted when another person, an approver, approves the request" })
  propose(@CurrentActor() actor: Actor, @Body() body: PolicyDto): Promise<DualControlRequest> {
    const { effectiveFrom, ...policy } = body;
    return this.policies.propose(actor, policy, effectiveFrom);
  }

  @Put('simulated-bank/faults')
  @Roles(Role.ADMIN)
  @ApiOperation({ summary: "A bank's simulated gateway: refuse the next N instructions, or settle after a delay" })
  async faults(@Body() body: FaultsDto) {
    if ((await this.organisations.kindOf(body.bankId)) !== OrganisationKind.BANK) {
      throw new DomainError('FINANCING.NOT_A_BANK', 'bankId must name a bank on the platform', 'invalid', 'bankId');
    }
    await this.banks.setFaults(body.bankId, body.failNext, body.delayMs);
    return body;
  }

  @Get('simulated-bank/payments/:instructionId')
  @Roles(Role.TREASURY, Role.BACK_OFFICE, Role.ADMIN, Role.AUDITOR)
  @ApiOperation({ summary: "A payment the bank's simulated gateway was instructed to make (PENDING, SETTLED, FAILED); the bank's own only" })
  payment(@CurrentActor() actor: Actor, @Param('instructionId') instructionId: string): Promise<SimulatedPayment> {
    return this.banks.payment(actor, instructionId);
  }

  private step(actor: Actor, id: string, action: Action, comment?: string, key?: string) {
    return this.financings.act(actor, id, action, comment, {}, key);
  }
}
