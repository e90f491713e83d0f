import { Injectable } from '@nestjs/common';
import { Actor, dataScopeOf, OrganisationKind } from '@caravan/access';
import { ScopedDatabase } from '@caravan/database';
import { Money } from '@caravan/money';
import { FinancingErrors } from '../domain/financing.errors';
import type { AgeingBucket } from '../domain/loan-book';
import { BucketRow, loansInBucket, portfolioBuckets, PortfolioLoanRow } from '../infrastructure/portfolio.repository';

export const AGEING_BUCKETS: readonly AgeingBucket[] = ['CURRENT', '1-30', '31-60', '61-90', '90+'];

/** A bank's open loans by ageing bucket, every bucket present (an empty one with zeros), and their sum. */
export interface Portfolio {
  currency: string;
  buckets: BucketRow[];
  total: { count: number; outstanding: string };
}

/**
 * The bank's book as its people see it: only their own bank's loans (the query names the
 * bank, and row-level security holds it to the caller's scope besides).
 */
@Injectable()
export class PortfolioService {
  constructor(private readonly db: ScopedDatabase) {}

  async buckets(actor: Actor): Promise<Portfolio> {
    const rows = await this.db.transaction(dataScopeOf(actor), (em) => portfolioBuckets(em, bankOf(actor)));
    const buckets = AGEING_BUCKETS.map((bucket) => rows.find((r) => r.bucket === bucket) ?? { bucket, count: 0, outstanding: '0.00' });
    const outstanding = buckets.reduce((sum, b) => sum.plus(Money.of(b.outstanding)), Money.zero());
    return {
      currency: outstanding.currency, // lending is in CNY: applications carry no currency
      buckets,
      total: { count: buckets.reduce((n, b) => n + b.count, 0), outstanding: outstanding.toString() },
    };
  }

  loans(actor: Actor, bucket: AgeingBucket, page: { limit: number; offset: number }): Promise<[PortfolioLoanRow[], number]> {
    return this.db.transaction(dataScopeOf(actor), (em) => loansInBucket(em, bankOf(actor), bucket, page));
  }
}

/** The caller's bank; the controller lets only bank staff in, and anyone else finds no bank. */
function bankOf(actor: Actor): string {
  if (actor.organisationKind !== OrganisationKind.BANK) throw FinancingErrors.BANK_NOT_FOUND("only a bank's own staff read its portfolio");
  return actor.organisationId;
}
