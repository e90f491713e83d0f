import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataScope, ScopedDatabase } from '@caravan/database';
import { Actor, dataScopeOf, systemActor } from '@caravan/access';
import { Money } from '@caravan/money';
import { PaymentGateway, PaymentGateways, PaymentInstruction, PaymentStatus } from '../application/payment-gateway';
import { PaymentErrors } from '../domain/financing.errors';

export interface SimulatedPayment {
  instructionId: string;
  amount: string;
  currency: string;
  beneficiaryId: string;
  purpose: string;
  status: PaymentStatus;
  reason: string | null;
  createdAt: string;
}

const PAYMENT_COLUMNS = `instruction_id AS "instructionId", amount::text AS amount, currency, beneficiary_id AS "beneficiaryId", purpose, status, reason, created_at AS "createdAt"`;

/**
 * The default payment gateway: each bank simulated in PostgreSQL, with the idempotent API of a
 * real one (an instruction id is accepted once per bank, and only ever for the same payment)
 * and faults that tests and demos inject per bank: fail the next N instructions, or settle
 * only after a delay. Row-level security keeps each bank's payments its own.
 */
class SimulatedBank implements PaymentGateway {
  private readonly scope: DataScope;

  constructor(
    private readonly db: ScopedDatabase,
    bankId: string,
  ) {
    this.scope = dataScopeOf(systemActor('system:simulated-bank', bankId));
  }

  /** One instruction at a time per bank (its faults row is the lock), so a repeat is always seen. */
  instruct(i: PaymentInstruction): Promise<PaymentStatus> {
    return this.db.transaction(this.scope, async (em) => {
      await em.query('INSERT INTO simulated_bank_faults (bank_id) VALUES (caravan_organisation()) ON CONFLICT (bank_id) DO NOTHING');
      const [faults] = await em.query(
        'SELECT fail_next, delay_ms FROM simulated_bank_faults WHERE bank_id = caravan_organisation() FOR UPDATE',
      );
      const known = await this.find(em, i.instructionId);
      if (known) return sameOrRefuse(known, i).status;
      const fail = faults.fail_next > 0;
      if (fail) await em.query('UPDATE simulated_bank_faults SET fail_next = fail_next - 1 WHERE bank_id = caravan_organisation()');
      const [row] = await em.query(
        `INSERT INTO simulated_bank_payments (instruction_id, amount, currency, beneficiary_id, purpose, status, reason, settle_after)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(secs => $8::double precision / 1000)) RETURNING status`,
        [
          i.instructionId,
          i.amount,
          i.currency,
          i.beneficiaryId,
          i.purpose,
          fail ? 'FAILED' : 'PENDING',
          fail ? 'rejected by the bank (injected fault)' : null,
          faults.delay_ms,
        ],
      );
      return row.status as PaymentStatus;
    });
  }

  async status(instructionId: string): Promise<{ status: PaymentStatus; reason?: string }> {
    return this.db.transaction(this.scope, async (em) => {
      const [[settled]] = await em.query(
        `UPDATE simulated_bank_payments SET status = 'SETTLED'
          WHERE instruction_id = $1 AND status = 'PENDING' AND settle_after <= now() RETURNING status, reason`,
        [instructionId],
      );
      const current = settled ?? (await this.find(em, instructionId));
      if (!current) return { status: 'FAILED', reason: `unknown instruction ${instructionId}` };
      return { status: current.status, reason: current.reason ?? undefined };
    });
  }

  private async find(em: EntityManager, instructionId: string): Promise<SimulatedPayment | undefined> {
    const [row] = await em.query(`SELECT ${PAYMENT_COLUMNS} FROM simulated_bank_payments WHERE instruction_id = $1`, [instructionId]);
    return row;
  }
}

/** A repeat of an instruction id is the same payment or a mistake that must not move money. */
function sameOrRefuse(known: SimulatedPayment, i: PaymentInstruction): SimulatedPayment {
  const same = Money.of(known.amount, known.currency).equals(Money.of(i.amount, i.currency)) && known.beneficiaryId === i.beneficiaryId;
  if (!same)
    throw PaymentErrors.INSTRUCTION_MISMATCH(`instruction ${i.instructionId} was given before for another amount, currency or beneficiary`);
  return known;
}

/** Every bank's simulated gateway; the operator sets faults per bank, a bank reads its own payments. */
@Injectable()
export class SimulatedBanks extends PaymentGateways {
  constructor(private readonly db: ScopedDatabase) {
    super();
  }

  forBank(bankId: string): PaymentGateway {
    return new SimulatedBank(this.db, bankId);
  }

  async setFaults(bankId: string, failNext: number, delayMs: number): Promise<void> {
    await this.db.transaction({ organisationId: null, readsAll: false }, (em) =>
      em.query(
        `INSERT INTO simulated_bank_faults (bank_id, fail_next, delay_ms) VALUES ($1, $2, $3)
         ON CONFLICT (bank_id) DO UPDATE SET fail_next = EXCLUDED.fail_next, delay_ms = EXCLUDED.delay_ms`,
        [bankId, failNext, delayMs],
      ),
    );
  }

  /** A payment as the bank that instructed it (or the operator's readers) sees it; else not found. */
  async payment(actor: Actor, instructionId: string): Promise<SimulatedPayment> {
    const [row] = await this.db.transaction(dataScopeOf(actor), (em) =>
      em.query(`SELECT ${PAYMENT_COLUMNS} FROM simulated_bank_payments WHERE instruction_id = $1 ORDER BY bank_id LIMIT 1`, [
        instructionId,
      ]),
    );
    if (!row) throw PaymentErrors.NOT_FOUND(`no payment ${instructionId}`);
    return row;
  }
}
