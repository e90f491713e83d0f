import { Controller, Get, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsIn } from 'class-validator';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { Page, PageQuery, pageOf } from '../../../http/src/pagination';
import { CurrentActor, Roles } from '../../../identity/src/api/auth.decorators';
import type { Actor } from '../../../identity/src/domain/actor';
import { Role } from '../../../identity/src/domain/organisation';
import { ImportedStatement, StatementFormat, StatementImportService } from '../application/statement-import.service';

export class ImportQuery {
  @ApiProperty({ enum: ['camt.053', 'camt.054', 'mt940'] })
  @IsIn(['camt.053', 'camt.054', 'mt940'])
  format: StatementFormat;
}

@ApiTags('reconciliation')
@ApiBearerAuth()
@Controller('statements')
export class StatementsController {
  constructor(
    private readonly statements: StatementImportService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Post()
  @Roles(Role.BACK_OFFICE)
  @ApiConsumes('application/xml', 'text/plain', 'application/octet-stream')
  @ApiOperation({ summary: 'Import a bank statement file (the raw body), streamed; all of it or nothing' })
  import(@CurrentActor() actor: Actor, @Query() query: ImportQuery, @Req() request: Request): Promise<ImportedStatement[]> {
    return this.statements.import(actor, query.format, request);
  }

  @Get()
  @Roles(Role.BACK_OFFICE, Role.TREASURY, Role.ADMIN, Role.AUDITOR)
  async list(@Query() query: PageQuery): Promise<Page<Record<string, unknown>>> {
    const [{ total }] = await this.dataSource.query('SELECT count(*)::int AS total FROM bank_statements');
    const rows = await this.dataSource.query(
      `SELECT id, account, format, bank_statement_id AS "bankStatementId", to_char(period_from, 'YYYY-MM-DD') AS "periodFrom",
              to_char(period_to, 'YYYY-MM-DD') AS "periodTo", currency, opening_balance AS "openingBalance", closing_balance AS "closingBalance",
              entries, new_lines AS "newLines", imported_at AS "importedAt"
         FROM bank_statements ORDER BY imported_at DESC, id LIMIT $1 OFFSET $2`,
      [query.limit, query.offset],
    );
    return pageOf<Record<string, unknown>, Record<string, unknown>>([rows, total], query, (r) => r);
  }
}
