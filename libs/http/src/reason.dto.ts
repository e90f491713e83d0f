import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** A body that only says why: cancellations, disputes, reversals. */
export class ReasonDto {
  @ApiProperty({ example: 'Goods short-delivered: 3 wagons missing', maxLength: 1000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}
