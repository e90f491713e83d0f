import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

// Until identity lands, the debtor organisation and the acting person come in the body.
export class ConfirmReceivableDto {
  @ApiProperty({ format: 'uuid', description: 'The debtor organisation confirming the debt' })
  @IsUUID()
  debtorId: string;

  @ApiProperty({ example: 'payables.clerk@powergroup.example', description: 'The person acting for the debtor' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(128)
  actor: string;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class DisputeReceivableDto extends ConfirmReceivableDto {
  @ApiProperty({ example: 'Goods short-delivered: 3 wagons missing', maxLength: 1000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  declare reason: string;
}
