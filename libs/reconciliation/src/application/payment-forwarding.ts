/** A made match of an awaited movement, as the financing that awaits it is told of it. */
export interface MatchedPayment {
  financingRef: string;
  kind: 'REPAYMENT' | 'DISBURSEMENT';
  /** The statement line the money came on: the financing takes each line once. */
  reference: string;
  amount: string;
  bookedOn: string | null;
  /** The day the money was the bank's: interest and penalty count to it, however late the statement came. */
  valueDate: string | null;
}

/**
 * The port through which reconciliation tells the financings what its matches mean. The
 * financing context implements it (it alone knows its workflows); the app wires it in. A
 * financing that refuses a repayment (closed, never disbursed) answers with the reason.
 */
export abstract class PaymentForwarding {
  abstract forward(payment: MatchedPayment): Promise<{ refused?: string }>;
}
