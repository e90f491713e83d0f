import { ApiProperty } from '@nestjs/swagger';
import { eligibleAmount, Receivable } from '../../domain/receivable';
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
  @ApiProperty({ example: '25000.00', description: 'credit notes and returns so far' }) dilutedAmount: string;
  @ApiProperty({ example: '1225000.00', description: 'amount − diluted: what may be financed' }) eligibleAmount: string;
  @ApiProperty({ example: 'CNY' }) currency: string;
  @ApiProperty({ enum: ReceivableStatus }) status: ReceivableStatus;
  @ApiProperty({ format: 'date-time' }) registeredAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static of(r: Receivable): ReceivableView {
    return Object.assign(new ReceivableView(), {
      ...r,
      amount: r.amount.toString(),
      dilutedAmount: r.dilutedAmount.toString(),
      eligibleAmount: eligibleAmount(r).toString(),
      currency: r.amount.currency,
      registeredAt: r.registeredAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    });
  }
}
