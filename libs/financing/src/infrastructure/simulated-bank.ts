import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PaymentGateway, PaymentInstruction, PaymentStatus } from '../application/payment-gateway';

/**
 * The default payment gateway: a bank simulated in PostgreSQL, with the idempotent API of a
 * real one (an instruction id is accepted once) and faults that tests and demos inject:
 * fail the next N instructions, or settle only after a delay.
 */
@Injectable()
export class SimulatedBank extends PaymentGateway {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async instruct(i: PaymentInstruction): Promise<PaymentStatus> {
    return this.dataSource.transaction(async (em) => {
      const [known] = await em.query('SELECT status FROM simulated_bank_payments WHERE instruction_id = $1', [i.instructionId]);
      if (known) return known.status as PaymentStatus;
      const [faults] = await em.query('SELECT fail_next, delay_ms FROM simulated_bank_faults FOR UPDATE');
      const fail = faults.fail_next > 0;
      if (fail) await em.query('UPDATE simulated_bank_faults SET fail_next = fail_next - 1');
      const [row] = await em.query(
        `INSERT INTO simulated_bank_payments (instruction_id, amount, currency, beneficiary_id, purpose, status, reason, settle_after)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(secs => $8::double precision / 1000))
         ON CONFLICT (instruction_id) DO UPDATE SET instruction_id = EXCLUDED.instruction_id
         RETURNING status`,
        [i.instructionId, i.amount, i.currency, i.beneficiaryId, i.purpose, fail ? 'FAILED' : 'PENDING', fail ? 'rejected by the bank (injected fault)' : null, faults.delay_ms],
      );
      return row.status as PaymentStatus;
    });
  }

  async status(instructionId: string): Promise<{ status: PaymentStatus; reason?: string }> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected]
    const [[settled]] = await this.dataSource.query(
      `UPDATE simulated_bank_payments SET status = 'SETTLED'
        WHERE instruction_id = $1 AND status = 'PENDING' AND settle_after <= now()
        RETURNING status, reason`,
      [instructionId],
    );
    const current = settled ?? (await this.dataSource.query('SELECT status, reason FROM simulated_bank_payments WHERE instruction_id = $1', [instructionId]))[0];
    if (!current) return { status: 'FAILED', reason: `unknown instruction ${instructionId}` };
    return { status: current.status, reason: current.reason ?? undefined };
  }

  async setFaults(failNext: number, delayMs: number): Promise<void> {
    await this.dataSource.query('UPDATE simulated_bank_faults SET fail_next = $1, delay_ms = $2', [failNext, delayMs]);
  }
}
