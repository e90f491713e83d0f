import { Injectable } from '@nestjs/common';
import { ScopedDatabase } from '@caravan/database';
import { Actor, dataScopeOf } from '@caravan/access';
import {
  AwaitedFilter,
  AwaitedMovement,
  AwaitedSort,
  findAwaitedMovements,
  findCollectionAccount,
} from '../infrastructure/awaited.repository';
import type { Listing } from '@caravan/http';
import { reconciliationActor } from './reconciliation-runs.service';

/** A financing's collection: the account payers send money to, and the repayments awaited there. */
export interface Collection {
  account: { account: string; name: string | null } | null;
  awaited: AwaitedMovement[];
}

/** What a bank awaits on its statements, for its people; and where a financing's payers send money. */
@Injectable()
export class AwaitedPaymentsService {
  constructor(private readonly db: ScopedDatabase) {}

  /** The caller's bank's expected movements (row-level security keeps them to it). */
  movements(actor: Actor, filter: AwaitedFilter, listing: Listing<AwaitedSort>): Promise<[AwaitedMovement[], number]> {
    return this.db.transaction(dataScopeOf(actor), (em) => findAwaitedMovements(em, filter, listing));
  }

  /**
   * Where a financing's payers send money and what the bank awaits from them, read in the
   * financing's bank's scope: only for a caller already shown to see that financing (its payment
   * instructions). No collection account registered in the currency: none.
   */
  collectionFor(bankId: string, financingRef: string, currency: string): Promise<Collection> {
    return this.db.transaction(dataScopeOf(reconciliationActor(bankId)), async (em) => ({
      account: (await findCollectionAccount(em, currency)) ?? null,
      awaited: (await findAwaitedMovements(em, { financingRef, kind: 'REPAYMENT' }, { limit: 100, offset: 0 }))[0],
    }));
  }
}
