import type Decimal from 'decimal.js';
import { stateMachine, Transitions } from '@caravan/errors';
import { Dec, Money } from '@caravan/money';
import { WarehouseErrors } from './warehouse.errors';

export enum ReceiptStatus {
  ISSUED = 'ISSUED',
  PLEDGED = 'PLEDGED',
  /** Replaced by smaller receipts for the same goods. */
  SPLIT = 'SPLIT',
  /** The goods have left the custodian's yard. */
  RELEASED = 'RELEASED',
  CANCELLED = 'CANCELLED',
}

export type ReceiptTransition = 'pledge' | 'discharge' | 'split' | 'release' | 'cancel';

const TRANSITIONS: Transitions<ReceiptStatus, ReceiptTransition> = {
  pledge: { from: [ReceiptStatus.ISSUED], to: ReceiptStatus.PLEDGED },
  discharge: { from: [ReceiptStatus.PLEDGED], to: ReceiptStatus.ISSUED },
  split: { from: [ReceiptStatus.ISSUED], to: ReceiptStatus.SPLIT },
  release: { from: [ReceiptStatus.ISSUED], to: ReceiptStatus.RELEASED },
  cancel: { from: [ReceiptStatus.ISSUED], to: ReceiptStatus.CANCELLED },
};

export const nextReceiptStatus = stateMachine(WarehouseErrors.ILLEGAL_TRANSITION, 'receipt', TRANSITIONS);

/** A warehouse receipt (仓单): goods of one commodity and grade in a custodian's care. */
export interface WarehouseReceipt {
  id: string;
  receiptNumber: string;
  custodianId: string;
  holderId: string;
  commodityCode: string;
  grade: string;
  quantity: Decimal;
  unit: string;
  location: string;
  status: ReceiptStatus;
  parentId: string | null;
  issuedAt: Date;
  updatedAt: Date;
}

/**
 * Splits the goods into parts that add up exactly to the whole: no tonne is created or lost.
 * The parts keep everything but their number and quantity.
 */
export function splitQuantities(receipt: WarehouseReceipt, parts: Decimal[]): Decimal[] {
  nextReceiptStatus(receipt.status, 'split');
  if (parts.length < 2) throw WarehouseErrors.SPLIT_TOO_FEW('a split needs at least two parts', 'quantities');
  if (parts.some((p) => p.lte(0))) throw WarehouseErrors.SPLIT_PART_NOT_POSITIVE('every part must be more than zero', 'quantities');
  const total = parts.reduce((sum, p) => sum.plus(p), new Dec(0));
  if (!total.equals(receipt.quantity)) {
    throw WarehouseErrors.SPLIT_NOT_EXACT(
      `the parts add up to ${total.toFixed()}, the receipt holds ${receipt.quantity.toFixed()} ${receipt.unit}`,
      'quantities',
    );
  }
  return parts;
}

export interface Valuation {
  priceDate: string;
  unitPrice: string;
  grossValue: Money;
  haircut: string;
  /** What a bank lends against: gross × (1 − haircut), half-up at the fen. */
  value: Money;
}

/** Values goods at a dated price per unit, less the commodity's haircut. */
export function value(quantity: Decimal, unitPrice: Decimal, currency: string, haircut: Decimal, priceDate: string): Valuation {
  const grossValue = Money.rounded(quantity.times(unitPrice), currency);
  return {
    priceDate,
    unitPrice: unitPrice.toFixed(),
    grossValue,
    haircut: haircut.toFixed(),
    value: grossValue.times(new Dec(1).minus(haircut)),
  };
}
