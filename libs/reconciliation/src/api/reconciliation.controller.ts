import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiProduces, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { ListQuery, Page, pageOf, PageQuery, Queue, QUEUES, ReasonDto, RequestErrors, uuidParam } from '@caravan/http';
import { CurrentActor, Role, Roles } from '@caravan/access';
import type { Actor } from '@caravan/access';
import { Account } from '@caravan/ledger';
import { ISO_CURRENCIES } from '@caravan/money';
import type { ReconciliationRun } from './reconciliation.contract';
import { DualControlRequest, isDualControlRequest } from '@caravan/dual-control';
import { ManualMatchingService } from '../application/manual-matching.service';
import { MatchDecisionsService } from '../application/match-decisions.service';
import { MatchingQueriesService } from '../application/matching-queries.service';
import { ReconciliationRunsService } from '../application/reconciliation-runs.service';
import type { BankAccount } from '../infrastructure/bank-account.repository';
import { Decision, DECISION_SORTS } from '../infrastructure/match-decision.repository';
import type { ReportRow } from '../infrastructure/reconciliation-report.repository';
import { BANK_STAFF } from './awaited.controller';
import { STATEMENT_ENCODINGS, StatementEncoding } from '../domain/parsers/encoding';
import { csvField } from './csv-field';
import { ReconciliationErrors } from '../domain/reconciliation.errors';

const READERS = [Role.BACK_OFFICE, Role.TREASURY, Role.ADMIN, Role.AUDITOR];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ManualMatchDto {
  @ApiProperty({ example: ['1042'], description: 'Statement lines, all of one currency and direction' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Matches(/^\d{1,18}$/, { each: true, message: 'each line id must be a number' })
  lineIds: string[];

  @ApiProperty({ example: ['0b7c…'], description: 'Expected movements the lines settle, earliest first' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  expectedIds: string[];

  @ApiPropertyOptional({ description: 'Required when the amounts differ: the difference is written off (within tolerance)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class ReportQuery {
  @ApiProperty({ example: '2026-11-01' }) @Matches(DATE, { message: 'from must be YYYY-MM-DD' }) from: string;
  @ApiProperty({ example: '2026-11-30' }) @Matches(DATE, { message: 'to must be YYYY-MM-DD' }) to: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) account?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv'] }) @IsOptional() @IsIn(['json', 'csv']) format?: 'json' | 'csv';
  @ApiPropertyOptional({ enum: ['en', 'zh-CN'], description: "The CSV's column headers: English (the default) or Chinese" })
  @IsOptional()
  @IsIn(['en', 'zh-CN'])
  lang?: 'en' | 'zh-CN';
}

export class DecisionQuery extends ListQuery(DECISION_SORTS) {
  @ApiPropertyOptional({ enum: QUEUES, description: 'todo: suggestions awaiting a person; done: matches made or reversed' })
  @IsOptional()
  @IsIn(QUEUES)
  queue?: Queue;

  @ApiPropertyOptional({ enum: ['ACTIVE', 'SUGGESTED', 'REVERSED'] })
  @IsOptional()
  @IsIn(['ACTIVE', 'SUGGESTED', 'REVERSED'])
  status?: Decision['status'];
}

export class BankAccountDto {
  @ApiProperty({ enum: Account, example: Account.COLLECTION_ACCOUNT }) @IsIn(Object.values(Account)) ledgerAccount: Account;
  @ApiPropertyOptional({
    example: '丝路银行贷款归集户',
    description: 'The holder’s name payers write on a transfer (户名); the bank’s name when omitted',
  })
  @IsOptional()
  @IsString()
  @Length(1, 140)
  name?: string;
  @ApiProperty({ example: 'CNY' })
  @IsIn(ISO_CURRENCIES, { message: 'currency must be an ISO 4217 currency code' })
  currency: string;
  @ApiPropertyOptional({
    enum: STATEMENT_ENCODINGS,
    description: 'The character set of the account’s MT940 and CSV files; detected from the bytes when not set',
  })
  @IsOptional()
  @IsIn(STATEMENT_ENCODINGS)
  statementEncoding?: StatementEncoding;
}

/** The report's CSV columns in order, each with its header in Chinese (核销 is a write-off, 匹配 a match). */
const REPORT_COLUMNS: Array<[keyof ReportRow, string]> = [
  ['account', '账户'],
  ['day', '日期'],
  ['currency', '币种'],
  ['matchedCount', '已匹配笔数'],
  ['matchedSum', '已匹配金额'],
  ['unmatchedCount', '未匹配笔数'],
  ['unmatchedSum', '未匹配金额'],
  ['writtenOffCount', '已核销笔数'],
  ['writtenOffSum', '已核销金额'],
  ['bankBalance', '银行余额'],
  ['ledgerAccount', '总账科目'],
  ['ledgerBalance', '总账余额'],
  ['difference', '差额'],
];

/** A change made answers 201 (or 200); one that awaits a second person's approval 202. */
function answered<T>(response: Response, outcome: T | DualControlRequest): T | DualControlRequest {
  if (isDualControlRequest(outcome)) response.status(202);
  return outcome;
}

@ApiTags('reconciliation')
@ApiBearerAuth()
@Controller('reconciliation')
export class ReconciliationController {
  constructor(
    private readonly runs: ReconciliationRunsService,
    private readonly manual: ManualMatchingService,
    private readonly decided: MatchDecisionsService,
    private readonly queries: MatchingQueriesService,
  ) {}

  @Post('runs')
  @Roles(Role.BACK_OFFICE)
  @ApiOperation({ summary: 'Start a reconciliation run now; follow its progress at GET /reconciliation/runs/{id}' })
  start(@CurrentActor() actor: Actor): Promise<ReconciliationRun> {
    return this.runs.start(actor);
  }

  @Get('runs')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Reconciliation runs, newest first (daily and on demand)' })
  async list(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<Page<ReconciliationRun>> {
    return pageOf(await this.runs.list(actor, query.limit, query.offset), query, (r) => r);
  }

  @Get('runs/:id')
  @Roles(...READERS)
  @ApiOperation({ summary: "A run's progress: lines processed of the total, matched, suggested" })
  get(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<ReconciliationRun> {
    if (!/^[\w:.-]{1,120}$/.test(id)) throw RequestErrors.INVALID_ID('not a run id', 'id');
    return this.runs.get(actor, id);
  }

  @Get('report')
  @Roles(...READERS)
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary: 'Per account and day: matched / unmatched / written-off counts and sums, bank and ledger balances, their difference',
  })
  async report(
    @CurrentActor() actor: Actor,
    @Query() query: ReportQuery,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReportRow[] | string> {
    if (query.from > query.to) throw ReconciliationErrors.BAD_PERIOD('from must not be after to', 'from');
    const rows = await this.runs.report(actor, query.from, query.to, query.account);
    if (query.format !== 'csv') return rows;
    response.type('text/csv; charset=utf-8').attachment(`reconciliation-${query.from}-${query.to}.csv`);
    const chinese = query.lang === 'zh-CN';
    const headers = REPORT_COLUMNS.map(([key, zh]) => (chinese ? zh : key));
    const body = rows.map((r) => REPORT_COLUMNS.map(([key]) => r[key]));
    // with Chinese headers a byte order mark, or Excel reads the UTF-8 file as the local code page (GBK)
    return (chinese ? '\uFEFF' : '') + [headers, ...body].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
  }

  @Get('accounts')
  @Roles(...BANK_STAFF)
  @ApiOperation({ summary: "The bank's accounts, the ledger account each reconciles against, and the name payers write as its holder" })
  accounts(@CurrentActor() actor: Actor): Promise<BankAccount[]> {
    return this.runs.accounts(actor);
  }

  @Put('accounts/:account')
  @Roles(Role.BACK_OFFICE)
  @ApiOperation({ summary: 'Register an account of the bank: which ledger account its statements reconcile against' })
  mapAccount(@CurrentActor() actor: Actor, @Param('account') account: string, @Body() body: BankAccountDto) {
    if (!/^[\w-]{1,64}$/.test(account)) throw RequestErrors.INVALID_ID('not a bank account number', 'account');
    return this.runs.mapAccount(actor, account, body.ledgerAccount, body.currency, body.name, body.statementEncoding);
  }

  @Post('matches')
  @Roles(Role.BACK_OFFICE)
  @ApiAcceptedResponse({ description: 'Beyond the write-off tolerance: the approval request, decided by another person' })
  @ApiOperation({
    summary:
      'Match statement lines to expected movements by hand; a difference within tolerance is written off (201), one beyond it awaits a second person (202, an approval request)',
  })
  async match(
    @CurrentActor() actor: Actor,
    @Body() body: ManualMatchDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Decision | DualControlRequest> {
    return answered(response, await this.manual.matchManually(actor, body.lineIds, body.expectedIds, body.reason));
  }

  @Get('matches')
  @Roles(...READERS)
  @ApiOperation({ summary: 'Match decisions, newest first (made, suggested, reversed)' })
  async decisions(@CurrentActor() actor: Actor, @Query() query: DecisionQuery): Promise<Page<Decision>> {
    return pageOf(await this.queries.decisions(actor, { status: query.status, queue: query.queue }, query), query, (d) => d);
  }

  @Get('matches/:id')
  @Roles(...READERS)
  decision(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string): Promise<Decision> {
    return this.queries.decision(actor, id);
  }

  @Post('matches/:id/confirm')
  @HttpCode(200)
  @Roles(Role.BACK_OFFICE)
  @ApiAcceptedResponse({ description: 'Beyond the write-off tolerance: the approval request, decided by another person' })
  @ApiOperation({ summary: 'Make a suggested match (202 when what it writes off needs a second person)' })
  async confirm(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Decision | DualControlRequest> {
    return answered(response, await this.manual.confirm(actor, id));
  }

  @Post('matches/:id/reverse')
  @HttpCode(200)
  @Roles(Role.BACK_OFFICE)
  @ApiOperation({ summary: 'Undo a match, write-off or suggestion: the lines go back to the exceptions queue' })
  reverse(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string, @Body() body: ReasonDto): Promise<Decision> {
    return this.decided.reverse(actor, id, body.reason);
  }

  @Post('lines/:id/write-off')
  @Roles(Role.BACK_OFFICE)
  @ApiAcceptedResponse({ description: 'Beyond the write-off tolerance: the approval request, decided by another person' })
  @ApiOperation({
    summary:
      'Write off a line nothing will explain, with a reason: within tolerance at once (201), beyond it once a second person approves (202)',
  })
  async writeOff(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseIntPipe({ exceptionFactory: () => RequestErrors.INVALID_ID('id must be a line number', 'id') })) id: number,
    @Body() body: ReasonDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Decision | DualControlRequest> {
    return answered(response, await this.manual.writeOff(actor, String(id), body.reason));
  }
}
