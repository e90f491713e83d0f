import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { ListQuery, Queue, QUEUES } from '@caravan/http';
import { RECEIVABLE_SORTS } from '../../application/ports';
import { AMOUNT, AMOUNT_MESSAGE } from '@caravan/money';
import { ReceivableStatus } from '../../domain/receivable-status';

export class ConfirmReceivableDto {
  @ApiPropertyOptional({ maxLength: 1000, example: 'Matches our goods-received note GRN-2026-1187' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class DilutionDto {
  @ApiProperty({ enum: ['CREDIT_NOTE', 'RETURN'], example: 'CREDIT_NOTE' })
  @IsIn(['CREDIT_NOTE', 'RETURN'])
  kind: 'CREDIT_NOTE' | 'RETURN';

  @ApiProperty({ example: 'CN-2026-0042', description: 'The credit note or return number; one dilution per reference' })
  @IsString()
  @Length(1, 64)
  reference: string;

  @ApiProperty({ example: '25000.00' })
  @IsString({ message: `amount ${AMOUNT_MESSAGE}` })
  @Matches(AMOUNT, { message: `amount ${AMOUNT_MESSAGE}` })
  amount: string;

  @ApiProperty({ example: '20 t of coal rejected for ash content' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}

export class ReceivableQuery extends ListQuery(RECEIVABLE_SORTS) {
  @ApiPropertyOptional({ enum: QUEUES, description: "todo: awaiting the debtor's answer; done: answered (confirmed, disputed and after)" })
  @IsOptional()
  @IsIn(QUEUES)
  queue?: Queue;

  @ApiPropertyOptional({ enum: ReceivableStatus })
  @IsOptional()
  @IsIn(Object.values(ReceivableStatus))
  status?: ReceivableStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @Matches(/^[0-9a-f-]{36}$/i, { message: 'creditorId must be a UUID' })
  creditorId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @Matches(/^[0-9a-f-]{36}$/i, { message: 'debtorId must be a UUID' })
  debtorId?: string;
}
