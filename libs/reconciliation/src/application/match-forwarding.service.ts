import { Injectable } from '@nestjs/common';
import { ScopedDatabase } from '@caravan/database';
import { Actor, dataScopeOf } from '@caravan/access';
import { findUnforwarded, markForwarded } from '../infrastructure/match-decision.repository';
import { MatchDecisionsService } from './match-decisions.service';
import { PaymentForwarding } from './payment-forwarding';

/**
 * Tells the financings what made matches mean, once each: a repayment goes to its workflow
 * as a payment (keyed by the statement line, so never twice); a disbursement confirms the
 * money left. A financing that refuses a payment (closed, never disbursed) hands the line
 * back to the exceptions queue; a Temporal outage leaves it all for the next call.
 */
@Injectable()
export class MatchForwardingService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly forwarding: PaymentForwarding,
    private readonly decisions: MatchDecisionsService,
  ) {}

  async forwardPayments(actor: Actor): Promise<{ forwarded: number; refused: number }> {
    const scope = dataScopeOf(actor);
    const pending = await this.db.transaction(scope, (em) => findUnforwarded(em));
    const refused = new Map<string, string>();
    for (const p of pending) {
      if (refused.has(p.decisionId)) continue;
      const reference = `statement-line/${p.lineId}`;
      const answer = await this.forwarding.forward({
        financingRef: p.financingRef,
        kind: p.kind,
        reference,
        amount: p.amount,
        bookedOn: p.bookedOn,
        valueDate: p.valueDate,
      });
      if (answer.refused) refused.set(p.decisionId, answer.refused);
    }
    for (const [decisionId, reason] of refused) await this.decisions.reverse(actor, decisionId, reason, true);
    const done = [...new Set(pending.map((p) => p.decisionId))].filter((id) => !refused.has(id));
    await this.db.transaction(scope, (em) => markForwarded(em, done));
    return { forwarded: done.length, refused: refused.size };
  }
}
