import { ApiProperty } from '@nestjs/swagger';
import type { Receivable } from '../../domain/receivable';
import { ReceivableStatus } from '../../domain/receivable-status';

export class ReceivableView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) creditorId: string;
  @ApiProperty({ format: 'uuid' }) debtorId: string;
  @ApiProperty({ example: 'HM-2026-001234' }) invoiceNumber: string;
  @ApiProperty({ type: [String] }) waybillRefs: string[];
  @ApiProperty({ format: 'date' }) issueDate: string;
  @ApiProperty({ format: 'date' }) dueDate: string;
  @ApiProperty({ example: '1250000.00' }) amount: string;
  @ApiProperty({ example: 'CNY' }) currency: string;
  @ApiProperty({ enum: ReceivableStatus }) status: ReceivableStatus;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static of(r: Receivable): ReceivableView {
    return Object.assign(new ReceivableView(), {
      ...r,
      amount: r.amount.toString(),
      currency: r.amount.currency,
      registeredAt: r.registeredAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    });
  }
}
