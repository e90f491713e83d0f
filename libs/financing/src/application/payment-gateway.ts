/** A payment instruction to the bank: idempotent by its id. */
export interface PaymentInstruction {
  instructionId: string;
  amount: string;
  currency: string;
  beneficiaryId: string;
  purpose: string;
}

export type PaymentStatus = 'PENDING' | 'SETTLED' | 'FAILED';

/** The bank's payment gateway, as the disbursement saga needs it; adapters per bank. */
export abstract class PaymentGateway {
  /** Sends the instruction once; sending it again returns the first one's status. */
  abstract instruct(instruction: PaymentInstruction): Promise<PaymentStatus>;
  abstract status(instructionId: string): Promise<{ status: PaymentStatus; reason?: string }>;
}
