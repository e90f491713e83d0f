import { Body, Controller, Get, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import type { Request } from 'express';
import { ListQuery, Page, PageQuery, pageOf, Queue, QUEUES } from '@caravan/http';
import { ISO_CURRENCIES } from '@caravan/money';
import { CurrentActor, Role, Roles } from '@caravan/access';
import type { Actor } from '@caravan/access';
import { MatchingQueriesService } from '../application/matching-queries.service';
import { ImportedStatement, StatementFormat, StatementImportService } from '../application/statement-import.service';
import type { CsvMapping } from '../domain/parsers/csv.parser';
import { STATEMENT_ENCODINGS, StatementEncoding } from '../domain/parsers/encoding';
import type { StatementRow } from '../infrastructure/bank-statement.repository';
import { EXCEPTION_SORTS, ExceptionLine } from '../infrastructure/statement-line.repository';
import { ReconciliationErrors } from '../domain/reconciliation.errors';

export class ExceptionQuery extends ListQuery(EXCEPTION_SORTS) {
  @ApiPropertyOptional({
    enum: QUEUES,
    description: 'todo (the default): lines no rule matched; done: those a person matched or wrote off',
  })
  @IsOptional()
  @IsIn(QUEUES)
  queue?: Queue;
}

export class ImportQuery {
  @ApiProperty({ enum: ['camt.053', 'camt.054', 'mt940', 'csv'] })
  @IsIn(['camt.053', 'camt.054', 'mt940', 'csv'])
  format: StatementFormat;

  @ApiPropertyOptional({
    example: 'CN6201234567890123456',
    description:
      'The account whose settings read the file: required for CSV (its column mapping); for MT940 its encoding setting (else the file’s first :25: account’s)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  account?: string;

  @ApiPropertyOptional({
    enum: STATEMENT_ENCODINGS,
    description: 'MT940 and CSV: the file’s character set, over the account’s setting and detection',
  })
  @IsOptional()
  @IsIn(STATEMENT_ENCODINGS)
  encoding?: StatementEncoding;
}

class CsvColumnsDto {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(100) bookingDate: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(100) valueDate?: number;
  @ApiPropertyOptional({ description: 'A signed amount column; or give debit and credit' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  amount?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(100) debit?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(100) credit?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(100) reference?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(100) endToEndId?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(100) counterpartyName?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(100) counterpartyAccount?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(100) remittance?: number;
}

export class CsvMappingDto implements CsvMapping {
  @ApiProperty({ enum: [',', ';', '\t'] }) @IsIn([',', ';', '\t']) delimiter: ',' | ';' | '\t';
  @ApiProperty() @IsBoolean() hasHeader: boolean;
  @ApiProperty({ enum: ['.', ','] }) @IsIn(['.', ',']) decimalSeparator: '.' | ',';
  @ApiProperty({ enum: ['YYYY-MM-DD', 'DD.MM.YYYY', 'YYYYMMDD', 'DD/MM/YYYY'] })
  @IsIn(['YYYY-MM-DD', 'DD.MM.YYYY', 'YYYYMMDD', 'DD/MM/YYYY'])
  dateFormat: CsvMapping['dateFormat'];
  @ApiProperty({ example: 'CNY' })
  @IsIn(ISO_CURRENCIES, { message: 'currency must be an ISO 4217 currency code' })
  currency: string;
  @ApiProperty({ type: CsvColumnsDto }) @IsObject() @ValidateNested() @Type(() => CsvColumnsDto) columns: CsvColumnsDto;
}

@ApiTags('reconciliation')
@ApiBearerAuth()
@Controller('statements')
export class StatementsController {
  constructor(
    private readonly statements: StatementImportService,
    private readonly queries: MatchingQueriesService,
  ) {}

  @Post()
  @Roles(Role.BACK_OFFICE)
  @ApiConsumes('application/xml', 'text/plain', 'application/octet-stream')
  @ApiOperation({ summary: 'Import a bank statement file (the raw body), streamed; all of it or nothing' })
  import(@CurrentActor() actor: Actor, @Query() query: ImportQuery, @Req() request: Request): Promise<ImportedStatement[]> {
    return this.statements.import(actor, query.format, request, query.account, query.encoding);
  }

  @Get('csv-mappings/:account')
  @Roles(Role.BACK_OFFICE, Role.TREASURY)
  @ApiOperation({ summary: "How an account of the caller's bank lays its CSV export out, as last saved" })
  @ApiOkResponse({ type: CsvMappingDto })
  mapping(@CurrentActor() actor: Actor, @Param('account') account: string): Promise<CsvMapping> {
    return this.statements.mapping(actor, account);
  }

  @Put('csv-mappings/:account')
  @Roles(Role.BACK_OFFICE)
  @ApiOperation({ summary: "Save how an account's CSV export is laid out (columns, separators, date format)" })
  @ApiOkResponse({ type: CsvMappingDto })
  saveMapping(@CurrentActor() actor: Actor, @Param('account') account: string, @Body() body: CsvMappingDto): Promise<CsvMapping> {
    if (body.columns.amount === undefined && (body.columns.debit === undefined || body.columns.credit === undefined)) {
      throw ReconciliationErrors.MAPPING_WITHOUT_AMOUNT('map an amount column, or both debit and credit', 'columns');
    }
    return this.statements.saveMapping(actor, account, body);
  }

  @Get('exceptions')
  @Roles(Role.BACK_OFFICE, Role.TREASURY, Role.ADMIN, Role.AUDITOR)
  @ApiOperation({
    summary:
      'The exceptions queue: unmatched lines, oldest first, with their age and nearest candidates (queue=done: the lines a person matched or wrote off since)',
  })
  async exceptions(@CurrentActor() actor: Actor, @Query() query: ExceptionQuery): Promise<Page<ExceptionLine>> {
    return pageOf(await this.queries.exceptions(actor, query.queue ?? 'todo', query), query, (e) => e);
  }

  @Get()
  @Roles(Role.BACK_OFFICE, Role.TREASURY, Role.ADMIN, Role.AUDITOR)
  async list(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<Page<StatementRow>> {
    return pageOf(await this.statements.list(actor, query.limit, query.offset), query, (r) => r);
  }
}
