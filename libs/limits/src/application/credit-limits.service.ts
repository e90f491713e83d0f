import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditLog } from '@caravan/audit';
import { DomainError } from '@caravan/errors';
import type { Listing } from '@caravan/http';
import type { Actor } from '@caravan/access';
import { OrganisationKind } from '@caravan/access';
import { Money } from '@caravan/money';
import type { LimitSubject } from '../domain/credit-limit';
import { CreditLimitEntity, LimitReservationEntity } from '../infrastructure/credit-limit.entity';
import {
  findLimits,
  LimitSort,
  releaseDownTo,
  releaseFromReservation,
  takeFromLimit,
  upsertLimit,
} from '../infrastructure/credit-limit.repository';
import { LimitErrors } from '../domain/limits.errors';

export interface SetLimit extends LimitSubject {
  amount: Money;
}

export interface Reserve {
  /** The financing's business key: a second reservation with it changes nothing. */
  reference: string;
  amount: Money;
  /** Every limit the financing counts against; each must exist and have room. */
  subjects: LimitSubject[];
}

/** A limit now, and what one financing holds of it. */
export interface LimitExposure extends LimitSubject {
  amount: Money;
  utilised: Money;
  /** What the reference's reservation still holds (reserved less released). */
  heldByReference: Money;
  /** Whether the reference has reserved on this limit (its financing was approved and booked). */
  reserved: boolean;
}

const CHECK_VIOLATION = '23514';

@Injectable()
export class CreditLimitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  /** Sets (or changes) a limit of the caller's bank; never below what is already used. */
  async set(actor: Actor, input: SetLimit): Promise<CreditLimitEntity> {
    try {
      return await this.dataSource.transaction(async (em) => {
        const id = await upsertLimit(em, actor.organisationId, input);
        const limit = await em.findOneByOrFail(CreditLimitEntity, { id });
        await this.audit.record(em, { actor, action: 'credit-limit.set', entityType: 'credit-limit', entityId: limit.id, after: limit });
        return limit;
      });
    } catch (e) {
      if ((e as { driverError?: { code?: string } }).driverError?.code === CHECK_VIOLATION) {
        throw LimitErrors.BELOW_UTILISATION('a limit cannot be set below what is already used', 'amount');
      }
      throw e;
    }
  }

  /** A bank sees its own limits; the operator sees all. */
  list(actor: Actor, listing: Listing<LimitSort>): Promise<[CreditLimitEntity[], number]> {
    return findLimits(this.dataSource.manager, actor.organisationKind === OrganisationKind.OPERATOR ? null : actor.organisationId, listing);
  }

  /**
   * Reserves the amount on every listed limit, all or none. Each limit moves by a single
   * conditional UPDATE (`utilised + amount <= limit`), which PostgreSQL serialises per row:
   * racing reservations can never together exceed a limit.
   */
  async reserve(actor: Actor, input: Reserve): Promise<LimitReservationEntity[]> {
    return this.dataSource.transaction(async (em) => {
      const limits = await this.limitsFor(em, actor.organisationId, input.subjects);
      const reservations: LimitReservationEntity[] = [];
      // Always in id order, so that two reservations on the same limits cannot deadlock.
      for (const limit of [...limits].sort((a, b) => a.id.localeCompare(b.id))) {
        const existing = await em.findOneBy(LimitReservationEntity, { limitId: limit.id, reference: input.reference });
        if (existing) {
          if (!Money.of(existing.amount).equals(input.amount)) {
            throw LimitErrors.RESERVATION_MISMATCH(`${input.reference} is already reserved for ${existing.amount.toFixed(2)}`, 'amount');
          }
          reservations.push(existing);
          continue;
        }
        if (!(await takeFromLimit(em, limit.id, input.amount))) {
          throw LimitErrors.EXCEEDED(
            `${limit.kind} limit on ${limit.subject} has ${limit.amount.minus(limit.utilised).toFixed(2)} left, ${input.amount.toString()} asked`,
            'amount',
          );
        }
        const reservation = Object.assign(new LimitReservationEntity(), {
          id: randomUUID(),
          limitId: limit.id,
          reference: input.reference,
          amount: input.amount.amount,
          released: Money.zero().amount,
          reservedAt: new Date(),
        });
        await em.insert(LimitReservationEntity, reservation);
        reservations.push(reservation);
      }
      await this.audit.record(em, {
        actor,
        action: 'credit-limit.reserve',
        entityType: 'limit-reservation',
        entityId: input.reference,
        after: { amount: input.amount, limits: limits.map((l) => l.id) },
      });
      return reservations;
    });
  }

  /** Releases part (a repayment of principal) or all (closure, or a failed disbursement) of a reservation. */
  async release(actor: Actor, reference: string, amount?: Money): Promise<LimitReservationEntity[]> {
    return this.dataSource.transaction(async (em) => {
      const reservations = await em
        .getRepository(LimitReservationEntity)
        .createQueryBuilder('r')
        .innerJoin(CreditLimitEntity, 'l', 'l.id = r.limit_id')
        .where('r.reference = :reference AND l.bank_id = :bank', { reference, bank: actor.organisationId })
        .orderBy('r.limit_id')
        .setLock('pessimistic_write', undefined, ['r'])
        .getMany();
      if (reservations.length === 0) throw LimitErrors.RESERVATION_NOT_FOUND(`no reservation ${reference}`);
      for (const r of reservations) {
        const open = Money.of(r.amount).minus(Money.of(r.released));
        const release = amount ?? open;
        if (release.compare(open) > 0) {
          throw LimitErrors.RELEASE_EXCEEDS_RESERVED(`only ${open.toString()} of ${reference} is still reserved`, 'amount');
        }
        await releaseFromReservation(em, r, release);
        r.released = Money.of(r.released).plus(release).amount;
      }
      await this.audit.record(em, {
        actor,
        action: 'credit-limit.release',
        entityType: 'limit-reservation',
        entityId: reference,
        after: { released: amount ?? 'all' },
      });
      return reservations;
    });
  }

  /**
   * Releases a reservation down to what is still outstanding (a repayment's principal, or
   * everything at closure and on a failed disbursement). Stated as a target, it is idempotent:
   * a retried activity releases nothing twice.
   */
  async releaseTo(bankId: string, reference: string, outstanding: Money): Promise<void> {
    await releaseDownTo(this.dataSource.manager, bankId, reference, outstanding);
  }

  /** The first of these limits that has less than `amount` available, or undefined when all have room. */
  async shortfall(bankId: string, subjects: LimitSubject[], amount: Money): Promise<string | undefined> {
    try {
      const limits = await this.limitsFor(this.dataSource.manager, bankId, subjects);
      const short = limits.find((l) => Money.of(l.amount.minus(l.utilised)).compare(amount) < 0);
      return short && `${short.kind} limit on ${short.subject} has ${short.amount.minus(short.utilised).toFixed(2)} left`;
    } catch (e) {
      if (e instanceof DomainError) return e.message;
      throw e;
    }
  }

  /**
   * The bank's limits on these subjects as they stand, each with what `reference` holds of it
   * now (reserved less released; zero before the reservation). A subject without a limit is null.
   */
  async exposure(bankId: string, subjects: LimitSubject[], reference: string): Promise<Array<LimitExposure | null>> {
    const limits = await this.dataSource.manager.findBy(CreditLimitEntity, {
      bankId,
      kind: In(subjects.map((s) => s.kind)),
      subject: In(subjects.map((s) => s.subject)),
    });
    const held = await this.dataSource.getRepository(LimitReservationEntity).findBy({ reference, limitId: In(limits.map((l) => l.id)) });
    return subjects.map((s) => {
      const limit = limits.find((l) => l.kind === s.kind && l.subject === s.subject);
      if (!limit) return null;
      const mine = held.find((r) => r.limitId === limit.id);
      const currency = limit.currency;
      return {
        kind: limit.kind,
        subject: limit.subject,
        amount: Money.of(limit.amount, currency),
        utilised: Money.of(limit.utilised, currency),
        heldByReference: mine ? Money.of(mine.amount, currency).minus(Money.of(mine.released, currency)) : Money.zero(currency),
        reserved: mine !== undefined,
      };
    });
  }

  private async limitsFor(em: EntityManager, bankId: string, subjects: LimitSubject[]): Promise<CreditLimitEntity[]> {
    const found = await em.findBy(CreditLimitEntity, {
      bankId,
      kind: In(subjects.map((s) => s.kind)),
      subject: In(subjects.map((s) => s.subject)),
    });
    return subjects.map((s) => {
      const limit = found.find((l) => l.kind === s.kind && l.subject === s.subject);
      if (!limit) throw LimitErrors.NO_LIMIT(`no ${s.kind} limit is set for ${s.subject}`, 'subjects');
      return limit;
    });
  }
}
