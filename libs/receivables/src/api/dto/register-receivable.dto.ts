import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { AMOUNT, AMOUNT_MESSAGE, CURRENCIES } from '@caravan/money';

export const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class RegisterReceivableDto {
  @ApiProperty({
    format: 'uuid',
    description: "The core enterprise that owes it (the creditor is the caller's organisation)",
    example: '5b0e7f0e-6a1c-4a57-9d0e-1d1b7a0c0002',
  })
  @IsUUID()
  debtorId: string;

  @ApiProperty({ example: 'HM-2026-001234', description: 'Invoice or freight bill number' })
  @IsString()
  @Length(1, 64)
  @Matches(/^[\p{L}\p{N}][\p{L}\p{N}._/-]*$/u, { message: 'invoiceNumber may hold letters, digits and . _ / - only' })
  invoiceNumber: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['WB-HAMI-2026-0778', 'CR-X9-55012'],
    description: 'Waybill / bill-of-lading references',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  waybillRefs: string[] = [];

  @ApiProperty({ format: 'date', example: '2026-11-20' })
  @Matches(CALENDAR_DATE, { message: 'issueDate must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'issueDate must be a real calendar date' })
  issueDate: string;

  @ApiProperty({ format: 'date', example: '2027-02-18' })
  @Matches(CALENDAR_DATE, { message: 'dueDate must be a date as YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'dueDate must be a real calendar date' })
  dueDate: string;

  @ApiProperty({ type: String, example: '1250000.00', description: 'Positive decimal string, at most two decimals' })
  @IsString({ message: `amount ${AMOUNT_MESSAGE}, not a number` })
  @Matches(AMOUNT, { message: `amount ${AMOUNT_MESSAGE}` })
  amount: string;

  @ApiPropertyOptional({ enum: CURRENCIES, default: 'CNY' })
  @IsOptional()
  @IsIn(CURRENCIES)
  currency: string = 'CNY';
}
