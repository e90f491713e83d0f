import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { AMOUNT, AMOUNT_MESSAGE } from '@caravan/money';
import type { Amortisation, DueDateRoll, Fee, Grace, InterestSettlement, Rounding } from '../domain/schedule-terms';
import type { RepaymentFrequency } from '../domain/schedule-terms';

// A bank product's conventions as its policy proposal states them (domain/schedule-terms.ts
// says what each means); the calculator's own check (productTerms) runs on the proposal too.

/** A rate or share as a decimal from 0 to 1, at most six decimals. */
export const RATE = /^0(\.\d{1,6})?$|^1(\.0{1,6})?$/;
const MULTIPLE = /^\d{1,2}(\.\d{1,4})?$/;
export const AMORTISATIONS: Amortisation[] = ['BULLET', 'EQUAL_INSTALMENT', 'EQUAL_PRINCIPAL', 'FIXED_PRINCIPAL_PERCENT', 'INTEREST_ONLY'];
export const FREQUENCIES: RepaymentFrequency[] = ['WEEKLY', 'MONTHLY', 'QUARTERLY', 'AT_MATURITY'];

class RoundingDto implements Rounding {
  @ApiProperty({ enum: ['HALF_UP', 'HALF_EVEN'], description: 'Half-up (四舍五入) or half-even' }) @IsIn(['HALF_UP', 'HALF_EVEN']) mode:
    'HALF_UP' | 'HALF_EVEN';
  @ApiPropertyOptional({ enum: ['1', '10', '100'], description: 'The level instalment in multiples of this; the last takes the rest' })
  @IsOptional()
  @IsIn(['1', '10', '100'])
  instalmentMultiple?: '1' | '10' | '100';
}

class InterestSettlementDto implements InterestSettlement {
  @ApiProperty({ enum: ['MONTHLY', 'QUARTERLY'] }) @IsIn(['MONTHLY', 'QUARTERLY']) frequency: 'MONTHLY' | 'QUARTERLY';
  @ApiPropertyOptional({ example: 20, description: 'Day of the settlement month (按季结息: the 20th of a quarter’s last month)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(31)
  day?: number;
}

class GraceDto implements Grace {
  @ApiPropertyOptional({ description: 'Periods without principal' }) @IsOptional() @IsInt() @Min(0) @Max(60) principalPeriods?: number;
  @ApiPropertyOptional({ description: 'Periods whose interest is paid with the next instalment' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  interestPeriods?: number;
}

class FeeDto implements Fee {
  @ApiProperty({ enum: ['UPFRONT', 'PER_PERIOD'] }) @IsIn(['UPFRONT', 'PER_PERIOD']) kind: 'UPFRONT' | 'PER_PERIOD';
  @ApiPropertyOptional({ example: '0.001', description: 'On the principal' })
  @IsOptional()
  @Matches(RATE, { message: 'a fee rate is a decimal from 0 to 1' })
  rate?: string;
  @ApiPropertyOptional({ example: '200.00' }) @IsOptional() @Matches(AMOUNT, { message: `a fee amount ${AMOUNT_MESSAGE}` }) amount?: string;
}

export class RepaymentOptionsDto {
  @ApiPropertyOptional({ enum: AMORTISATIONS, isArray: true, description: 'What the SME may choose (the first three when omitted)' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(AMORTISATIONS, { each: true })
  amortisations?: Amortisation[];
  @ApiPropertyOptional({ enum: FREQUENCIES, isArray: true, description: 'Monthly when omitted' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(FREQUENCIES, { each: true })
  repaymentFrequencies?: RepaymentFrequency[];
  @ApiPropertyOptional({ example: 36 }) @IsOptional() @IsInt() @Min(1) @Max(360) maxInstalments?: number;
}

export class RateBoundsDto {
  @ApiPropertyOptional({ example: '0.03' })
  @IsOptional()
  @Matches(RATE, { message: 'minRate must be a decimal rate from 0 to 1' })
  minRate?: string;
  @ApiPropertyOptional({ example: '0.12' })
  @IsOptional()
  @Matches(RATE, { message: 'maxRate must be a decimal rate from 0 to 1' })
  maxRate?: string;
}

/** The conventions a product counts by, all optional: an omitted one keeps the platform's first (declining, half-up, monthly, no roll). */
export class ProductConventionsDto {
  @ApiPropertyOptional({ enum: ['DECLINING', 'FLAT'] }) @IsOptional() @IsIn(['DECLINING', 'FLAT']) interestType?: 'DECLINING' | 'FLAT';
  @ApiPropertyOptional({ enum: ['PER_PERIOD', 'ACTUAL_DAYS'], description: 'Flat interest per period, or over the term by actual days' })
  @IsOptional()
  @IsIn(['PER_PERIOD', 'ACTUAL_DAYS'])
  flatBasis?: 'PER_PERIOD' | 'ACTUAL_DAYS';
  @ApiPropertyOptional({
    example: '0.1',
    description: 'FIXED_PRINCIPAL_PERCENT: each instalment’s share of the principal; the last is the balloon',
  })
  @IsOptional()
  @Matches(RATE, { message: 'principalPercent must be a decimal from 0 to 1' })
  principalPercent?: string;
  @ApiPropertyOptional({ type: InterestSettlementDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => InterestSettlementDto)
  interestSettlement?: InterestSettlementDto;
  @ApiPropertyOptional({ example: 20, description: 'A fixed repayment day of the month' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(31)
  repaymentDay?: number;
  @ApiPropertyOptional({ enum: ['SHORT', 'LONG'] }) @IsOptional() @IsIn(['SHORT', 'LONG']) firstPeriod?: 'SHORT' | 'LONG';
  @ApiPropertyOptional({ type: RoundingDto }) @IsOptional() @ValidateNested() @Type(() => RoundingDto) rounding?: RoundingDto;
  @ApiPropertyOptional({ type: GraceDto }) @IsOptional() @ValidateNested() @Type(() => GraceDto) grace?: GraceDto;
  @ApiPropertyOptional({ type: [FeeDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => FeeDto)
  fees?: FeeDto[];
  @ApiPropertyOptional({ example: '1.5', description: '罚息: penalty on overdue principal as a multiple of the contract rate' })
  @IsOptional()
  @Matches(MULTIPLE, { message: 'penaltyMultiple must be a decimal multiple such as 1.5' })
  penaltyMultiple?: string;
  @ApiPropertyOptional({ example: '0.0653', description: '复利: interest on overdue interest, as an annual rate' })
  @IsOptional()
  @Matches(RATE, { message: 'compoundRate must be a decimal rate from 0 to 1' })
  compoundRate?: string;
  @ApiPropertyOptional({ example: '1.5', description: '复利 as a multiple of the contract rate' })
  @IsOptional()
  @Matches(MULTIPLE, { message: 'compoundMultiple must be a decimal multiple such as 1.5' })
  compoundMultiple?: string;
  @ApiPropertyOptional({
    enum: ['NONE', 'FOLLOWING', 'MODIFIED_FOLLOWING'],
    description: 'Due dates on non-working days roll (China’s calendar)',
  })
  @IsOptional()
  @IsIn(['NONE', 'FOLLOWING', 'MODIFIED_FOLLOWING'])
  dueDateRoll?: DueDateRoll;
  @ApiPropertyOptional({ type: RepaymentOptionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RepaymentOptionsDto)
  options?: RepaymentOptionsDto;
  @ApiPropertyOptional({ type: RateBoundsDto }) @IsOptional() @ValidateNested() @Type(() => RateBoundsDto) bounds?: RateBoundsDto;
}
