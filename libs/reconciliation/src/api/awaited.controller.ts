import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ListQuery, Page, pageOf, Queue, QUEUES } from '@caravan/http';
import { CurrentActor, Role, Roles } from '@caravan/access';
import type { Actor } from '@caravan/access';
import { AwaitedPaymentsService } from '../application/awaited-payments.service';
import { AWAITED_SORTS, AwaitedMovement } from '../infrastructure/awaited.repository';
import { ReconciliationErrors } from '../domain/reconciliation.errors';

/** The bank's people who tell payers where to pay or check what came in, and the operator's readers. */
export const BANK_STAFF = [Role.CREDIT_OFFICER, Role.APPROVER, Role.TREASURY, Role.BACK_OFFICE, Role.ADMIN, Role.AUDITOR];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class AwaitedQuery extends ListQuery(AWAITED_SORTS) {
  @ApiPropertyOptional({ example: 'WR-2026-000042', description: "The financing's loan number" })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  financingRef?: string;
  @ApiPropertyOptional({ description: 'The bank account it should appear on' }) @IsOptional() @IsString() @Length(1, 64) account?: string;
  @ApiPropertyOptional({ example: '2026-11-01', description: 'Movements whose value-date window reaches this day or later' })
  @IsOptional()
  @Matches(DATE, { message: 'from must be YYYY-MM-DD' })
  from?: string;
  @ApiPropertyOptional({ example: '2026-11-30', description: 'Movements whose value-date window opens this day or earlier' })
  @IsOptional()
  @Matches(DATE, { message: 'to must be YYYY-MM-DD' })
  to?: string;
  @ApiPropertyOptional({ enum: ['OPEN', 'PARTIAL', 'MATCHED'] })
  @IsOptional()
  @IsIn(['OPEN', 'PARTIAL', 'MATCHED'])
  status?: AwaitedMovement['status'];
  @ApiPropertyOptional({ enum: ['DISBURSEMENT', 'PAYOUT', 'REPAYMENT'] })
  @IsOptional()
  @IsIn(['DISBURSEMENT', 'PAYOUT', 'REPAYMENT'])
  kind?: AwaitedMovement['kind'];
  @ApiPropertyOptional({ enum: QUEUES, description: 'todo: still awaited (open or partly paid); done: matched' })
  @IsOptional()
  @IsIn(QUEUES)
  queue?: Queue;
}

export class AwaitedMovementView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['DISBURSEMENT', 'PAYOUT', 'REPAYMENT'] }) kind: AwaitedMovement['kind'];
  @ApiProperty({ example: 'WR-2026-000042' }) financingRef: string;
  @ApiProperty({ example: 'WR-2026-000042/instalment/1', description: 'The end-to-end id the platform keys it by' }) endToEndId: string;
  @ApiProperty({ example: 'RF471234567890ABCDEF', description: 'What the payer quotes' }) reference: string;
  @ApiProperty({ enum: ['CRDT', 'DBIT'] }) direction: AwaitedMovement['direction'];
  @ApiProperty({ example: '258333.33' }) amount: string;
  @ApiProperty({ example: '258333.33', description: 'What is still awaited after part payments' }) remaining: string;
  @ApiProperty({ example: 'CNY' }) currency: string;
  @ApiProperty({ type: String, nullable: true, example: '2027-01-24' }) valueFrom: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2027-02-03' }) valueTo: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Who pays (a repayment) or is paid (a disbursement, a payout)' })
  payer: string | null;
  @ApiProperty({ enum: ['OPEN', 'PARTIAL', 'MATCHED'] }) status: AwaitedMovement['status'];
  @ApiProperty({ type: String, nullable: true, description: 'The bank account it should appear on (none registered: null)' })
  account: string | null;
}

/** A page of expected movements (GET /reconciliation/expected-movements). */
export class AwaitedMovementPageView {
  @ApiProperty({ type: [AwaitedMovementView] }) items: AwaitedMovementView[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

@ApiTags('reconciliation')
@ApiBearerAuth()
@Controller('reconciliation')
export class AwaitedController {
  constructor(private readonly awaited: AwaitedPaymentsService) {}

  @Get('expected-movements')
  @Roles(...BANK_STAFF)
  @ApiOkResponse({ type: AwaitedMovementPageView })
  @ApiOperation({
    summary:
      'What the bank awaits on its statements: each payment it instructs or awaits, its reference, amount and what remains, value-date window, payer, status, financing and account, earliest window first',
  })
  async movements(@CurrentActor() actor: Actor, @Query() query: AwaitedQuery): Promise<Page<AwaitedMovement>> {
    if (query.from && query.to && query.from > query.to) throw ReconciliationErrors.BAD_PERIOD('from must not be after to', 'from');
    const { financingRef, account, from, to, status, kind, queue } = query;
    const found = await this.awaited.movements(actor, { financingRef, account, from, to, status, kind, queue }, query);
    return pageOf(found, query, (m) => m);
  }
}
