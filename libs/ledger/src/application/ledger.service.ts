import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ScopedDatabase } from '@caravan/database';
import type { Listing } from '@caravan/http';
import type { DualControlRequest } from '@caravan/dual-control';
import { BusinessClock } from '@caravan/clock';
import { DualControl } from '@caravan/dual-control';
import { Actor, actorName, dataScopeOf, isPerson, Role } from '@caravan/access';
import type { EntryDraft } from '../domain/accounts';
import { assertBalanced, reversedLines } from '../domain/entry';
import { LedgerErrors } from '../domain/ledger.errors';
import {
  Balance,
  EntrySort,
  findEntriesOf,
  findEntry,
  findEntryIdByKey,
  insertEntry,
  insertLines,
  isReversed,
  PostedEntry,
  Signatures,
  sumBalances,
} from '../infrastructure/journal.repository';

// What the ledger answers, typed where the rows are read.
export type { Balance, PostedEntry, Signatures } from '../infrastructure/journal.repository';

export const REVERSAL = 'ledger.reversal';

export function signatureOf(actor: Actor): Signatures {
  return isPerson(actor) ? { postedBy: actorName(actor), postedByUser: actor.userId } : { postedBy: actor.email, postedByUser: null };
}

const notFound = (id: string) => LedgerErrors.ENTRY_NOT_FOUND(`journal entry ${id} not found`);

/**
 * A bank's books. Every read and write runs in the caller's scope, and PostgreSQL's row-level
 * security holds it too: a bank posts to and reads its own books only; the operator's readers
 * read every bank's.
 */
@Injectable()
export class LedgerService implements OnModuleInit {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly dualControl: DualControl,
    private readonly clock: BusinessClock,
  ) {}

  /** A person's reversal: back office asks, another back-office person or treasury approves. */
  onModuleInit(): void {
    this.dualControl.register({
      kind: REVERSAL,
      makers: [Role.BACK_OFFICE],
      checkers: [Role.BACK_OFFICE, Role.TREASURY],
      apply: (em, request: DualControlRequest<{ entryId: string; reason: string }>, checker) =>
        this.reverseWithin(em, request.payload.entryId, request.payload.reason, {
          postedBy: request.requestedByName,
          postedByUser: request.requestedBy,
          approvedBy: actorName(checker),
          approvedByUser: checker.userId,
        }),
    });
  }

  /**
   * Posts a balanced entry once per idempotency key: a repeat returns the first posting. The
   * database checks the balance again at commit, so no code path can leave one unbalanced.
   */
  async post(actor: Actor, draft: EntryDraft, within?: EntityManager): Promise<PostedEntry> {
    assertBalanced(draft);
    const signed = signatureOf(actor);
    return within ? this.insert(within, signed, draft) : this.db.transaction(dataScopeOf(actor), (em) => this.insert(em, signed, draft));
  }

  /**
   * The platform undoes its own entry (a disbursement saga compensating). A person's reversal
   * goes through `requestReversal`: it takes a second person.
   */
  async reverse(system: Actor, entryId: string, reason: string): Promise<PostedEntry> {
    if (isPerson(system)) throw LedgerErrors.FOUR_EYES('a person reverses an entry through a request a second person approves');
    return this.db.transaction(dataScopeOf(system), (em) => this.reverseWithin(em, entryId, reason, signatureOf(system)));
  }

  /** A person asks to reverse an entry of their bank; it is posted when a second person approves. */
  async requestReversal(actor: Actor, entryId: string, reason: string): Promise<DualControlRequest> {
    return this.db.transaction(dataScopeOf(actor), async (em) => {
      const entry = await this.entryById(em, entryId);
      if (entry.reversesEntryId) throw LedgerErrors.REVERSAL_OF_REVERSAL('a reversal is not reversed; post a new entry');
      if (await isReversed(em, entryId)) throw LedgerErrors.ALREADY_REVERSED('this entry is already reversed');
      return this.dualControl.request(actor, REVERSAL, entryId, { entryId, reason }, reason, em);
    });
  }

  /** Posts the mirror image of an entry, at most once, signed by who asked (and approved). */
  async reverseWithin(em: EntityManager, entryId: string, reason: string, signatures: Signatures): Promise<PostedEntry> {
    const original = await this.entryById(em, entryId);
    if (original.reversesEntryId) throw LedgerErrors.REVERSAL_OF_REVERSAL('a reversal is not reversed; post a new entry');
    const draft: EntryDraft = {
      idempotencyKey: `reversal/${entryId}`,
      financingRef: original.financingRef ?? undefined,
      kind: `${original.kind}.reversal`,
      description: `Reversal of ${entryId}: ${reason}`,
      valueDate: this.clock.today(),
      lines: reversedLines(original.lines),
    };
    return this.insert(em, signatures, draft, entryId);
  }

  async entries(actor: Actor, financingRef: string, listing: Listing<EntrySort>): Promise<[PostedEntry[], number]> {
    return this.db.transaction(dataScopeOf(actor), (em) => findEntriesOf(em, financingRef, listing));
  }

  /** Balances per account, for one financing or (without one) the caller's whole book. */
  async balances(actor: Actor, financingRef?: string): Promise<Balance[]> {
    return this.db.transaction(dataScopeOf(actor), (em) => sumBalances(em, financingRef));
  }

  /** The entry posted under `key` in the caller's books, if any; within `within` when the caller's transaction reads it. */
  async entryByKey(actor: Actor, key: string, within?: EntityManager): Promise<PostedEntry | undefined> {
    const read = async (em: EntityManager) => {
      const id = await findEntryIdByKey(em, key);
      return id ? this.entryById(em, id) : undefined;
    };
    return within ? read(within) : this.db.transaction(dataScopeOf(actor), read);
  }

  private async insert(
    em: EntityManager,
    signed: Signatures,
    draft: EntryDraft,
    reversesEntryId: string | null = null,
  ): Promise<PostedEntry> {
    const id = await insertEntry(em, draft, signed, reversesEntryId);
    if (!id) {
      const existing = await findEntryIdByKey(em, draft.idempotencyKey);
      // the key is another bank's: say no more than that it cannot be used
      if (!existing) throw LedgerErrors.KEY_TAKEN(`the idempotency key ${draft.idempotencyKey} cannot be used`);
      return this.entryById(em, existing);
    }
    await insertLines(em, id, draft);
    return this.entryById(em, id);
  }

  private async entryById(em: EntityManager, id: string): Promise<PostedEntry> {
    const entry = await findEntry(em, id);
    if (!entry) throw notFound(id);
    return entry;
  }
}
