import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { ListQuery, Page, pageOf, ReasonDto, uuidParam } from '@caravan/http';
import type { DualControlRequest } from '@caravan/dual-control';
import { CurrentActor, Role, Roles } from '@caravan/access';
import type { Actor } from '@caravan/access';
import { Balance, LedgerService, PostedEntry } from '../application/ledger.service';
import { ENTRY_SORTS } from '../infrastructure/journal.repository';

export class BalanceQuery {
  @ApiPropertyOptional({ example: 'RF-2026-000123', description: 'One financing; the whole book without it' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  financingRef?: string;
}

export class EntryQuery extends ListQuery(ENTRY_SORTS) {
  @ApiPropertyOptional({ example: 'RF-2026-000123' })
  @IsString()
  @Length(1, 128)
  financingRef: string;
}

// a bank's staff read their own bank's books; the operator's readers every bank's
const READERS = [Role.CREDIT_OFFICER, Role.APPROVER, Role.TREASURY, Role.BACK_OFFICE, Role.ADMIN, Role.AUDITOR];

@ApiTags('ledger')
@ApiBearerAuth()
@Controller('ledger')
export class LedgerController {
  constructor(private readonly ledger: LedgerService) {}

  @Get('balances')
  @Roles(...READERS)
  @ApiOperation({ summary: "Balances per account, for a financing or the bank's whole book" })
  balances(@CurrentActor() actor: Actor, @Query() query: BalanceQuery): Promise<Balance[]> {
    return this.ledger.balances(actor, query.financingRef);
  }

  @Get('entries')
  @Roles(...READERS)
  @ApiOperation({ summary: "A financing's journal entries, oldest first" })
  async entries(@CurrentActor() actor: Actor, @Query() query: EntryQuery): Promise<Page<PostedEntry>> {
    return pageOf(await this.ledger.entries(actor, query.financingRef, query), query, (e) => e);
  }

  @Post('entries/:id/reversal')
  @HttpCode(202)
  @Roles(Role.BACK_OFFICE)
  @ApiAcceptedResponse({ description: 'The approval request: the reversal is posted once another person approves it' })
  @ApiOperation({
    summary:
      'Ask to reverse an entry (entries are never edited): posted when a second person approves the request (POST /approval-requests/{id}/approve)',
  })
  reverse(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string, @Body() body: ReasonDto): Promise<DualControlRequest> {
    return this.ledger.requestReversal(actor, id, body.reason);
  }
}
