/** A payment instruction to the bank: idempotent by its id, within the bank. */
export interface PaymentInstruction {
  instructionId: string;
  amount: string;
  currency: string;
  beneficiaryId: string;
  purpose: string;
}

export type PaymentStatus = 'PENDING' | 'SETTLED' | 'FAILED';

/** One bank's payment gateway, as the disbursement saga needs it. */
export interface PaymentGateway {
  /**
   * Sends the instruction once; sending it again returns the first one's status, and an
   * instruction id already used for another amount, currency or beneficiary is refused.
   */
  instruct(instruction: PaymentInstruction): Promise<PaymentStatus>;
  status(instructionId: string): Promise<{ status: PaymentStatus; reason?: string }>;
}

/** The adapter of each bank on the platform: a bank instructs through its own gateway only. */
export abstract class PaymentGateways {
  abstract forBank(bankId: string): PaymentGateway;
}
