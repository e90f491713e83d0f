import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { ListQuery, Page, pageOf, Queue, QUEUES, ReasonDto, uuidParam } from '@caravan/http';
import { IdempotencyKey } from '@caravan/idempotency';
import { CurrentActor, Role, Roles } from '@caravan/access';
import type { Actor } from '@caravan/access';
import { AMOUNT, AMOUNT_MESSAGE } from '@caravan/money';
import { Product, PRODUCT_NAMES } from '../domain/products';
import type { DualControlRequest } from '@caravan/dual-control';
import { Action, FinancingRow, FinancingsService, QuoteView } from '../application/financings.service';
import { FinancingDetail, FinancingDetails } from '../application/financing-details';
import { FinancingDecisions } from '../application/decision';
import { FinancingDecisionView } from './decision.view';
import { FINANCING_SORTS } from '../infrastructure/financing.repository';
import type { Amortisation, RepaymentFrequency } from '../domain/schedule-terms';
import { AMORTISATIONS, FREQUENCIES } from './product-conventions.dto';

export class ApplicationDto {
  @ApiProperty({ enum: PRODUCT_NAMES }) @IsIn(PRODUCT_NAMES) product: Product;
  @ApiProperty({ format: 'uuid', description: 'The receivable or warehouse receipt' }) @IsUUID() assetId: string;
  @ApiProperty({ format: 'uuid', description: 'The bank asked to finance' }) @IsUUID() bankId: string;
  @ApiProperty({ example: '980000.00' })
  @IsString({ message: `amount ${AMOUNT_MESSAGE}` })
  @Matches(AMOUNT, { message: `amount ${AMOUNT_MESSAGE}` })
  amount: string;
  @ApiPropertyOptional({
    enum: AMORTISATIONS,
    description: "Warehouse-receipt loans only, among what the bank's product offers (GET /banks/{id}/products)",
  })
  @IsOptional()
  @IsIn(AMORTISATIONS)
  method?: Amortisation;
  @ApiPropertyOptional({ minimum: 1, maximum: 360, description: 'Instalments, warehouse-receipt loans only, up to the product’s maximum' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(360)
  instalments?: number;
  @ApiPropertyOptional({
    enum: FREQUENCIES,
    description: 'Warehouse-receipt loans only, among what the product offers (monthly by default)',
  })
  @IsOptional()
  @IsIn(FREQUENCIES)
  repaymentFrequency?: RepaymentFrequency;
  @ApiPropertyOptional({ default: true, description: 'Receivable financing: with recourse to the SME if the buyer does not pay' })
  @IsOptional()
  @IsBoolean()
  recourse?: boolean;
}

export class ApplyDto extends ApplicationDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The trial’s quote (POST /financings/trial): its policy version and terms are booked; it must match and hold',
  })
  @IsUUID()
  quoteId: string;
}

export class CommentDto {
  @ApiPropertyOptional({ maxLength: 1000, example: 'Buyer is our client; exposure within appetite' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}

export class AcceptDto extends CommentDto {
  @ApiPropertyOptional({
    example: '2027-01-31',
    description: 'The offer’s start date the SME was shown (GET /financings/:id, offer): refused when the offer now starts another day',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'startDate must be a real calendar date' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'startDate must be a date (YYYY-MM-DD)' })
  startDate?: string;
  @ApiPropertyOptional({
    example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    description:
      'The sha256 (hex) of the contract read (GET /financings/:id/contract): required when the bank has a contract, refused unless it is the one in force',
  })
  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'contractSha256 must be a sha256 in lower-case hex' })
  contractSha256?: string;
}

export class PaymentDto {
  @ApiProperty({ example: 'BNK-20270131-000451', description: "The bank's reference; a payment is applied once" })
  @IsString()
  @Length(1, 128)
  reference: string;
  @ApiProperty({ example: '1008250.00' })
  @IsString({ message: `amount ${AMOUNT_MESSAGE}` })
  @Matches(AMOUNT, { message: `amount ${AMOUNT_MESSAGE}` })
  amount: string;
  @ApiPropertyOptional({
    example: '2027-01-31',
    description:
      'The day the money was the bank’s (its value date, not after today): interest and penalty count to it. Default: the day it is allocated',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'valueDate must be a real calendar date' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'valueDate must be a date (YYYY-MM-DD)' })
  valueDate?: string;
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

export class FinancingQuery extends ListQuery(FINANCING_SORTS) {
  @ApiPropertyOptional({ example: 'AWAITING_APPROVAL' }) @IsOptional() @IsString() @Length(1, 40) stage?: string;
  @ApiPropertyOptional({
    enum: QUEUES,
    description:
      "todo: awaiting the caller's move (an SME's acceptance, a counterparty's acknowledgement, a credit officer's recommendation, an approver's approval); done: every other",
  })
  @IsOptional()
  @IsIn(QUEUES)
  queue?: Queue;
}

const SME = [Role.APPLICANT, Role.FINANCE_MANAGER];

@ApiTags('financing')
@ApiBearerAuth()
@Controller()
export class FinancingsController {
  constructor(
    private readonly financings: FinancingsService,
    private readonly details: FinancingDetails,
    private readonly decisions: FinancingDecisions,
  ) {}

  @Post('financings/trial')
  @HttpCode(200)
  @Roles(...SME)
  @ApiOperation({
    summary:
      '试算: a quote, kept: the schedule, interest and fee these terms book from today, the most that can be financed, the bank’s policy version priced with and the last business date the quote holds (validThrough)',
  })
  trial(@CurrentActor() actor: Actor, @Body() body: ApplicationDto): Promise<QuoteView> {
    return this.financings.trial(actor, body);
  }

  @Get('financings/quotes/:id')
  @Roles(...SME)
  @ApiOperation({ summary: 'A quote the caller’s SME asked for (any other reads as not found)' })
  quote(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string): Promise<QuoteView> {
    return this.financings.quote(actor, id);
  }

  @Post('financings')
  @Roles(...SME)
  @ApiOperation({
    summary:
      'Apply with a quote the SME holds (unexpired, unused, the same bank, product, asset and amount): starts the financing workflow (eligibility, confirmations, approval, disbursement, repayment) on the quote’s policy version and terms',
  })
  apply(@CurrentActor() actor: Actor, @Body() body: ApplyDto): Promise<FinancingRow> {
    return this.financings.apply(actor, body);
  }

  @Get('financings')
  async list(@CurrentActor() actor: Actor, @Query() query: FinancingQuery): Promise<Page<FinancingRow>> {
    return pageOf(await this.financings.list(actor, { stage: query.stage, queue: query.queue }, query), query, (r) => r);
  }

  @Get('financings/:id')
  @ApiOperation({
    summary:
      'The financing, its state and schedule; who must act next and by when (awaiting); while it is repaid, the payment instructions (collection account, reference, what is awaited); each instalment with its status and what was paid when; surplus payouts',
  })
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string): Promise<FinancingDetail> {
    return this.details.detail(actor, id);
  }

  @Get('financings/:id/decision')
  @ApiOperation({
    summary:
      'For the financing’s bank: what a decision rests on (asset and its documents and trail, collateral, haircut, LTV, every limit before and after, the price and schedule, the counterparty’s confirmation, the recommendation and decisions with names and roles, deadlines, the parties’ record). Anyone else: not found',
  })
  @ApiOkResponse({ type: FinancingDecisionView })
  decision(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string): Promise<FinancingDecisionView> {
    return this.decisions.decision(actor, id);
  }

  @Get('financings/:id/documents/:documentId')
  @ApiOperation({
    summary: 'For the financing’s bank: a document of the financed receivable (its decision view lists them). Anyone else: not found',
  })
  async document(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam) id: string,
    @Param('documentId', uuidParam) documentId: string,
  ): Promise<StreamableFile> {
    const d = await this.decisions.document(actor, id, documentId);
    return new StreamableFile(d.content, {
      type: d.contentType,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(d.name)}`,
      length: d.size,
    });
  }

  @Get('financings/:id/timeline')
  @ApiOperation({
    summary: 'Every step of the financing: what, who, when; a step awaiting someone names the party, roles and deadline (detail.awaits)',
  })
  timeline(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string) {
    return this.details.timeline(actor, id);
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
  @ApiOperation({
    summary:
      'The SME accepts the offer (the detail’s offer: the terms re-based to start today) and the bank’s contract it read (its sha256, kept with the financing); the loan is booked from that start date and disbursement starts',
  })
  accept(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string, @Body() body: AcceptDto, @IdempotencyKey() key?: string) {
    return this.financings.accept(actor, id, body, key);
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
    return this.financings.requestPayment(actor, id, body);
  }

  @Post('financings/:id/release-goods')
  @HttpCode(200)
  @Roles(...SME, Role.CUSTODIAN_OFFICER)
  @ApiOperation({ summary: 'Release part of the pledged goods, never below the LTV line (warehouse-receipt loans)' })
  releaseGoods(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam) id: string,
    @Body() body: ReleaseGoodsDto,
    @IdempotencyKey() key?: string,
  ) {
    return this.financings.act(actor, id, 'releaseGoods', undefined, { receiptId: body.receiptId, quantity: body.quantity }, key);
  }

  @Post('financings/:id/collateral')
  @HttpCode(200)
  @Roles(...SME)
  @ApiOperation({ summary: 'Pledge another receipt as more collateral (cures a margin call)' })
  topUp(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string, @Body() body: TopUpDto, @IdempotencyKey() key?: string) {
    return this.financings.act(actor, id, 'topUp', undefined, { receiptId: body.receiptId }, key);
  }

  private step(actor: Actor, id: string, action: Action, comment?: string, key?: string) {
    return this.financings.act(actor, id, action, comment, {}, key);
  }
}
