import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLog } from '@caravan/audit';
import { ScopedDatabase } from '@caravan/database';
import type { Listing } from '@caravan/http';
import { DomainError } from '@caravan/errors';
import { Actor, actorName, dataScopeOf } from '@caravan/access';
import { assertChecker, assertMaker, DUAL_CONTROL_ERRORS, DualControlRequest, Duty } from '../domain/request';
import {
  decide,
  findRequest,
  findRequests,
  insertRequest,
  lockRequest,
  RequestFilter,
  RequestSort,
} from '../infrastructure/dual-control.repository';

/** A kind of change that needs a second person, as the context that owns it carries it out. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind types its own payload where it registers
export interface ChangeKind<P = any> extends Duty {
  kind: string;
  /** Carries the approved change out inside the approving transaction (the organisation's scope). */
  apply(em: EntityManager, request: DualControlRequest<P>, checker: Actor): Promise<unknown>;
  /**
   * What must happen after the commit, outside the database (a workflow told of a payment).
   * A DomainError fails the request for good; any other error leaves it approved, to be
   * approved again once the cause is gone.
   */
  afterCommit?(request: DualControlRequest<P>, checker: Actor): Promise<unknown>;
}

/**
 * Asking and deciding happen within one's own organisation, whoever one is: the operator's
 * admins too, whose reading scope is every organisation's but who decide only their own requests.
 */
const ownScope = (actor: Actor) => ({ organisationId: actor.organisationId, readsAll: false });

/**
 * The second pair of eyes (PRODUCT.md invariant 8). Contexts register the kinds of change
 * they hand over; a maker asks, a checker of the same organisation decides, every step is
 * audited with its actor, and the change takes effect in the approving transaction.
 */
@Injectable()
export class DualControl {
  private readonly kinds = new Map<string, ChangeKind>();

  constructor(
    private readonly db: ScopedDatabase,
    private readonly audit: AuditLog,
  ) {}

  register(kind: ChangeKind): void {
    this.kinds.set(kind.kind, kind);
  }

  /** A maker asks; within `em` when the asking context checked something in the same transaction. */
  async request<P extends object>(
    maker: Actor,
    kind: string,
    subject: string,
    payload: P,
    reason?: string,
    em?: EntityManager,
  ): Promise<DualControlRequest<P>> {
    assertMaker(maker, this.kindOf(kind));
    const work = async (tx: EntityManager) => {
      const request = await insertRequest(tx, {
        kind,
        subject,
        payload,
        reason,
        requestedBy: maker.userId,
        requestedByName: actorName(maker),
      });
      await this.audit.record(tx, {
        actor: maker,
        action: 'dual-control.request',
        entityType: 'dual-control-request',
        entityId: request.id,
        after: request,
      });
      return request as DualControlRequest<P>;
    };
    return em ? work(em) : this.db.transaction(ownScope(maker), work);
  }

  async approve(checker: Actor, id: string, comment?: string): Promise<DualControlRequest> {
    const approved = await this.db.transaction(ownScope(checker), async (em) => {
      const request = await lockRequest(em, id);
      const kind = this.kindOf(request.kind);
      assertChecker(checker, request, kind, true);
      if (request.status === 'APPROVED') return request; // approved before; its effect is retried below
      const result = await kind.apply(em, request, checker);
      const decided = await decide(em, id, {
        status: 'APPROVED',
        decidedBy: checker.userId,
        decidedByName: actorName(checker),
        comment,
        completed: !kind.afterCommit,
        result,
      });
      await this.audit.record(em, {
        actor: checker,
        action: 'dual-control.approve',
        entityType: 'dual-control-request',
        entityId: id,
        before: request,
        after: decided,
      });
      return decided;
    });
    const kind = this.kindOf(approved.kind);
    return kind.afterCommit ? this.complete(checker, approved, kind) : approved;
  }

  async reject(checker: Actor, id: string, reason: string): Promise<DualControlRequest> {
    return this.db.transaction(ownScope(checker), async (em) => {
      const request = await lockRequest(em, id);
      assertChecker(checker, request, this.kindOf(request.kind));
      const decided = await decide(em, id, {
        status: 'REJECTED',
        decidedBy: checker.userId,
        decidedByName: actorName(checker),
        comment: reason,
      });
      await this.audit.record(em, {
        actor: checker,
        action: 'dual-control.reject',
        entityType: 'dual-control-request',
        entityId: id,
        before: request,
        after: decided,
      });
      return decided;
    });
  }

  /** The maker withdraws a request nobody decided yet. */
  async cancel(maker: Actor, id: string): Promise<DualControlRequest> {
    return this.db.transaction(ownScope(maker), async (em) => {
      const request = await lockRequest(em, id);
      if (request.status !== 'PENDING') throw DUAL_CONTROL_ERRORS.notPending(request.status);
      if (request.requestedBy !== maker.userId) throw DUAL_CONTROL_ERRORS.notYours();
      const decided = await decide(em, id, { status: 'CANCELLED', decidedBy: null, decidedByName: actorName(maker) });
      await this.audit.record(em, {
        actor: maker,
        action: 'dual-control.cancel',
        entityType: 'dual-control-request',
        entityId: id,
        before: request,
        after: decided,
      });
      return decided;
    });
  }

  get(actor: Actor, id: string): Promise<DualControlRequest> {
    return this.db.transaction(dataScopeOf(actor), (em) => findRequest(em, id));
  }

  list(actor: Actor, filter: RequestFilter, listing: Listing<RequestSort>): Promise<[DualControlRequest[], number]> {
    return this.db.transaction(dataScopeOf(actor), (em) => findRequests(em, filter, listing));
  }

  private async complete(checker: Actor, request: DualControlRequest, kind: ChangeKind): Promise<DualControlRequest> {
    let outcome: { status: 'APPROVED' | 'FAILED'; result: unknown };
    try {
      outcome = { status: 'APPROVED', result: (await kind.afterCommit!(request, checker)) ?? request.result };
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      outcome = { status: 'FAILED', result: { code: e.code, message: e.message } };
    }
    return this.db.transaction(ownScope(checker), async (em) => {
      const decided = await decide(em, request.id, {
        ...outcome,
        decidedBy: checker.userId,
        decidedByName: actorName(checker),
        completed: outcome.status === 'APPROVED',
      });
      await this.audit.record(em, {
        actor: checker,
        action: outcome.status === 'APPROVED' ? 'dual-control.complete' : 'dual-control.fail',
        entityType: 'dual-control-request',
        entityId: request.id,
        after: decided,
      });
      return decided;
    });
  }

  private kindOf(kind: string): ChangeKind {
    const found = this.kinds.get(kind);
    if (!found) throw DUAL_CONTROL_ERRORS.unknownKind(kind);
    return found;
  }
}
