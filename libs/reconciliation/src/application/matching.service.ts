import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { AuditLog } from '../../../audit/src/audit-log';
import type { Actor } from '../../../identity/src/domain/actor';
import { financingWorkflowId, paymentUpdate } from '../../../temporal/src/contracts/financing.contract';

export interface ExpectedMovement {
  financingRef: string;
  kind: 'DISBURSEMENT' | 'PAYOUT' | 'REPAYMENT';
  endToEndId: string;
  direction: 'CRDT' | 'DBIT';
  amount: string;
  currency: string;
  valueFrom?: string;
  valueTo?: string;
  counterparty?: string;
}

export interface ExceptionLine {
  lineId: string;
  account: string;
  amount: string;
  currency: string;
  direction: string;
  endToEndId: string | null;
  remittance: string | null;
  bookedOn: string | null;
  ageDays: number;
  /** The nearest open expected movements by amount, for a person to choose from. */
  candidates: Array<{ endToEndId: string; financingRef: string; kind: string; amount: string }>;
}

export interface MatchRun {
  matched: number;
  paymentsSent: number;
  unmatched: number;
}

/**
 * Expected movements and matching. So far the first rule: the exact end-to-end reference.
 * A matched incoming payment is sent to its financing's workflow as a payment (idempotent
 * by the statement line); a matched outgoing one confirms the instruction.
 */
@Injectable()
export class MatchingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly temporal: Client,
  ) {}

  /** Records what should appear on a statement; the same end-to-end id is recorded once. */
  async expect(m: ExpectedMovement): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO expected_movements (id, financing_ref, kind, end_to_end_id, direction, amount, currency, value_from, value_to, counterparty)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT ON CONSTRAINT expected_movements_once DO NOTHING`,
      [randomUUID(), m.financingRef, m.kind, m.endToEndId, m.direction, m.amount, m.currency, m.valueFrom ?? null, m.valueTo ?? null, m.counterparty ?? null],
    );
  }

  private async unmatch(actor: Actor, lineId: string, reason: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await em.query('DELETE FROM statement_matches WHERE line_id = $1', [lineId]);
      await em.query(`UPDATE statement_lines SET match_status = 'UNMATCHED' WHERE id = $1`, [lineId]);
      await this.audit.record(em, { actor, action: 'statement-line.unmatch', entityType: 'statement-line', entityId: lineId, after: { reason } });
    });
  }

  /**
   * The exceptions queue: every line no rule matched, oldest first, with its age in days and
   * the three open expected movements of the same direction nearest to it in amount.
   */
  async exceptions(limit: number, offset: number): Promise<[ExceptionLine[], number]> {
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM statement_lines WHERE match_status = 'UNMATCHED'`);
    const rows = await this.dataSource.query(
      `SELECT l.id, l.account, l.amount, l.currency, l.direction, l.end_to_end_id, l.remittance,
              to_char(coalesce(l.booking_date, l.value_date), 'YYYY-MM-DD') AS booked,
              (current_date - coalesce(l.booking_date, l.value_date, current_date))::int AS age_days,
              coalesce((SELECT json_agg(c ORDER BY c.distance) FROM (
                 SELECT e.end_to_end_id AS "endToEndId", e.financing_ref AS "financingRef", e.kind, e.amount::text AS amount, abs(e.amount - l.amount) AS distance
                   FROM expected_movements e
                  WHERE e.status = 'OPEN' AND e.direction = l.direction AND e.currency = l.currency
                  ORDER BY abs(e.amount - l.amount) LIMIT 3) c), '[]') AS candidates
         FROM statement_lines l
        WHERE l.match_status = 'UNMATCHED'
        ORDER BY coalesce(l.booking_date, l.value_date) NULLS LAST, l.id
        LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return [
      rows.map((r: Record<string, any>) => ({
        lineId: r.id,
        account: r.account,
        amount: r.amount,
        currency: r.currency,
        direction: r.direction,
        endToEndId: r.end_to_end_id,
        remittance: r.remittance,
        bookedOn: r.booked,
        ageDays: r.age_days,
        candidates: (r.candidates as Array<Record<string, unknown>>).map(({ distance: _, ...c }) => c),
      })),
      total,
    ];
  }

  async run(actor: Actor): Promise<MatchRun> {
    const candidates: Array<{ line_id: string; amount: string; direction: string; expected_id: string; financing_ref: string; kind: string }> = await this.dataSource.query(
      `SELECT l.id AS line_id, l.amount, l.direction, e.id AS expected_id, e.financing_ref, e.kind
         FROM statement_lines l JOIN expected_movements e ON e.end_to_end_id = l.end_to_end_id AND e.direction = l.direction
        WHERE l.match_status = 'UNMATCHED' AND l.reversal = false
        ORDER BY l.id`,
    );
    let matched = 0;
    let paymentsSent = 0;
    for (const c of candidates) {
      const took = await this.dataSource.transaction(async (em) => {
        const [, updated] = await em.query(`UPDATE statement_lines SET match_status = 'MATCHED' WHERE id = $1 AND match_status = 'UNMATCHED'`, [c.line_id]);
        if (updated === 0) return false;
        await em.query(`INSERT INTO statement_matches (line_id, expected_id, method, confidence, matched_by) VALUES ($1, $2, 'END_TO_END', 1.00, $3)`, [c.line_id, c.expected_id, actor.email]);
        // An awaited repayment stays open: a buyer may pay one invoice in parts.
        if (c.kind !== 'REPAYMENT') await em.query(`UPDATE expected_movements SET status = 'MATCHED' WHERE id = $1`, [c.expected_id]);
        await this.audit.record(em, { actor, action: 'statement-line.match', entityType: 'statement-line', entityId: c.line_id, after: { expected: c.expected_id, method: 'END_TO_END' } });
        return true;
      });
      if (!took) continue;
      if (c.kind === 'REPAYMENT') {
        try {
          await this.temporal.workflow
            .getHandle(financingWorkflowId(c.financing_ref))
            .executeUpdate(paymentUpdate, { args: [{ reference: `statement-line/${c.line_id}`, amount: c.amount }] });
          paymentsSent += 1;
        } catch (e) {
          // The financing no longer takes payments (closed, or never disbursed): the money
          // goes to the exceptions queue for a person, never silently dropped.
          await this.unmatch(actor, c.line_id, `the financing ${c.financing_ref} refused the payment: ${(e as Error).message}`);
          continue;
        }
      }
      matched += 1;
    }
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM statement_lines WHERE match_status = 'UNMATCHED'`);
    return { matched, paymentsSent, unmatched: n };
  }
}
