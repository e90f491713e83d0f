import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { RequestErrors } from '@caravan/http';
import { CurrentActor, Role, Roles } from '@caravan/access';
import type { Actor } from '@caravan/access';
import type { DualControlRequest } from '@caravan/dual-control';
import { StatementRulesService } from '../application/statement-rules.service';
import { RULE_ACCOUNTS } from '../domain/statement-rules';
import type { RuleAccount, StatementRule } from '../domain/statement-rules';

const READERS = [Role.BACK_OFFICE, Role.TREASURY, Role.ADMIN, Role.AUDITOR];

export class StatementRuleDto {
  @ApiProperty({ example: '账户管理费', description: 'What the rule explains, as people read it in the matches' })
  @IsString()
  @Length(1, 140)
  name: string;
  @ApiPropertyOptional({
    example: 'ACMT/MDOP/CHRG',
    description: "The bank transaction code the line carries: camt's Domain/Family/SubFamily or proprietary code, MT940's type code (NCHG)",
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9/_-]{1,35}$/, { message: 'bankTransactionCode must be a code like ACMT/MDOP/CHRG or NCHG' })
  bankTransactionCode?: string;
  @ApiPropertyOptional({ example: '手续费', description: "Text found in the line's remittance information, whatever the case" })
  @IsOptional()
  @IsString()
  @Length(2, 140)
  textContains?: string;
  @ApiPropertyOptional({ enum: ['CRDT', 'DBIT'], description: 'Only lines of this direction; both when omitted' })
  @IsOptional()
  @IsIn(['CRDT', 'DBIT'])
  direction?: 'CRDT' | 'DBIT';
  @ApiProperty({ enum: RULE_ACCOUNTS, description: 'Where the lines are booked: the bank’s charges, or interest the account earns' })
  @IsIn(RULE_ACCOUNTS)
  ledgerAccount: RuleAccount;
}

@ApiTags('reconciliation')
@ApiBearerAuth()
@Controller('reconciliation/accounts/:account/rules')
export class StatementRulesController {
  constructor(private readonly rules: StatementRulesService) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: "A bank account's standing rules: which lines are its bank's charges or interest, booked without a loan" })
  list(@CurrentActor() actor: Actor, @Param('account') account: string): Promise<StatementRule[]> {
    return this.rules.list(actor, checked(account));
  }

  @Post()
  @HttpCode(202)
  @Roles(Role.BACK_OFFICE)
  @ApiAcceptedResponse({ description: 'The approval request: the rule applies from the next run once a second person approves it' })
  @ApiOperation({
    summary:
      'Propose a rule for an account of the bank: lines with its bank transaction code or text are booked to bank charges or bank interest by each run (the books then agree with the bank). Takes a second person',
  })
  propose(@CurrentActor() actor: Actor, @Param('account') account: string, @Body() body: StatementRuleDto): Promise<DualControlRequest> {
    return this.rules.request(actor, {
      account: checked(account),
      name: body.name,
      bankTransactionCode: body.bankTransactionCode ?? null,
      textContains: body.textContains ?? null,
      direction: body.direction ?? null,
      ledgerAccount: body.ledgerAccount,
    });
  }
}

function checked(account: string): string {
  if (!/^[\w-]{1,64}$/.test(account)) throw RequestErrors.INVALID_ID('not a bank account number', 'account');
  return account;
}
