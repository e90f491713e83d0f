import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import type { DualControlRequest } from '@caravan/dual-control';
import { Page, PageQuery, pageOf, uuidParam } from '@caravan/http';
import { CurrentActor, Role, Roles } from '@caravan/access';
import type { Actor } from '@caravan/access';
import { AMOUNT, AMOUNT_MESSAGE } from '@caravan/money';
import type { Deadlines } from './financing.contract';
import { FinancingPolicies } from '../application/financing-policies';
import type { FinancingPolicy, Pricing, PolicyVersion } from '../application/financing-policy';
import { DAY_COUNTS } from '../domain/schedule-terms';
import type { DayCount } from '../domain/schedule-terms';
import { ProductConventionsDto, RATE } from './product-conventions.dto';

const BANK = [Role.CREDIT_OFFICER, Role.APPROVER, Role.TREASURY, Role.BACK_OFFICE];

class TierDto {
  @ApiProperty({ type: String, nullable: true, example: '1000000.00' })
  @IsOptional()
  @Matches(AMOUNT, { message: `upTo ${AMOUNT_MESSAGE}` })
  upTo: string | null;
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

class PricingDto extends ProductConventionsDto implements Pricing {
  @ApiProperty({ example: '0.0435' }) @Matches(RATE, { message: 'annualRate must be a decimal rate from 0 to 1' }) annualRate: string;
  @ApiProperty({ example: '0.0653' }) @Matches(RATE, { message: 'penaltyRate must be a decimal rate from 0 to 1' }) penaltyRate: string;
  @ApiProperty({ example: '0.001' })
  @Matches(RATE, { message: 'upfrontFeeRate must be a decimal rate from 0 to 1' })
  upfrontFeeRate: string;
  @ApiProperty({ enum: DAY_COUNTS }) @IsIn(DAY_COUNTS) dayCount: DayCount;
  @ApiProperty({ example: 3, description: 'Days after a due date before penalty interest runs' })
  @IsInt()
  @Min(0)
  @Max(30)
  graceDays: number;
}

class PricingByProductDto {
  @ApiProperty({ type: PricingDto }) @ValidateNested() @Type(() => PricingDto) RECEIVABLE_FINANCING: PricingDto;
  @ApiProperty({ type: PricingDto }) @ValidateNested() @Type(() => PricingDto) WAREHOUSE_RECEIPT_LOAN: PricingDto;
}

/** What GET /banks/{bankId}/products answers: the products in force and the policy version they come from. */
class BankProductsDto {
  @ApiProperty({ example: 3, description: '0: the platform default, until the bank adopts a policy of its own' }) version: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) effectiveFrom: string | null;
  @ApiProperty({ type: PricingByProductDto }) pricing: PricingByProductDto;
}

export class PolicyDto implements FinancingPolicy {
  @ApiProperty({ type: [TierDto] }) @IsArray() @ValidateNested({ each: true }) @Type(() => TierDto) tiers: TierDto[];
  @ApiProperty({ type: DeadlinesDto }) @IsObject() @ValidateNested() @Type(() => DeadlinesDto) deadlines: DeadlinesDto;
  @ApiProperty({ example: '0.8' }) @Matches(RATE, { message: 'maxAdvanceRate must be a decimal rate from 0 to 1' }) maxAdvanceRate: string;
  @ApiProperty({ example: '0.7' }) @Matches(RATE, { message: 'maxLtv must be a decimal rate from 0 to 1' }) maxLtv: string;
  @ApiProperty({ example: '0.8', description: 'Above this loan-to-value a margin call is made' })
  @Matches(RATE, { message: 'maintenanceLtv must be a decimal rate from 0 to 1' })
  maintenanceLtv: string;
  @ApiPropertyOptional({
    isArray: true,
    enum: ['penalty', 'fee', 'interest', 'principal'],
    example: ['penalty', 'fee', 'interest', 'principal'],
  })
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

/** A bank's financing policy: read by its people, changed by a proposal a second person approves. */
@ApiTags('financing')
@ApiBearerAuth()
@Controller()
export class FinancingPolicyController {
  constructor(private readonly policies: FinancingPolicies) {}

  @Get('financing-policy')
  @Roles(...BANK)
  @ApiOperation({ summary: "The bank's policy in force: version, since when, who proposed and who approved it" })
  policy(@CurrentActor() actor: Actor): Promise<PolicyVersion> {
    return this.policies.current(actor);
  }

  @Get('banks/:bankId/products')
  @ApiOkResponse({ type: BankProductsDto })
  @Roles(Role.APPLICANT, Role.FINANCE_MANAGER, ...BANK)
  @ApiOperation({
    summary:
      "A bank's loan products in force, as an SME may apply for them: rates, fees, penalty and compound terms, the conventions each counts by (interest type, day count, rounding, due-date roll, …), the repayments it may choose and the rate bounds, with the policy version",
  })
  products(
    @CurrentActor() actor: Actor,
    @Param('bankId', uuidParam) bankId: string,
  ): Promise<Pick<PolicyVersion, 'version' | 'effectiveFrom' | 'pricing'>> {
    return this.policies.products(actor, bankId);
  }

  @Get('financing-policy/versions')
  @Roles(...BANK)
  @ApiOperation({ summary: 'Every version the bank adopted, newest first (including ones not yet in force)' })
  async versions(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<Page<PolicyVersion>> {
    return pageOf(await this.policies.versions(actor, query.limit, query.offset), query, (v) => v);
  }

  @Post('financing-policy/proposals')
  @HttpCode(202)
  @Roles(Role.CREDIT_OFFICER, Role.APPROVER)
  @ApiAcceptedResponse({ description: 'The approval request: nothing is in force until another person approves it' })
  @ApiOperation({
    summary:
      "Propose the bank's authority matrix, deadlines, ratios and pricing: adopted when another person, an approver, approves the request",
  })
  propose(@CurrentActor() actor: Actor, @Body() body: PolicyDto): Promise<DualControlRequest> {
    const { effectiveFrom, ...policy } = body;
    return this.policies.propose(actor, policy, effectiveFrom);
  }
}
