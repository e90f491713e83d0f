import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ScopedDatabase, SqlRow } from '@caravan/database';
import type { DualControlRequest } from '@caravan/dual-control';
import { BusinessClock } from '@caravan/clock';
import { DualControl } from '@caravan/dual-control';
import { Actor, actorName, dataScopeOf, isPerson, Role } from '@caravan/access';
import { Money } from '@caravan/money';
import type { Account, EntryDraft, Line } from '../domain/accounts';
import { assertBalanced, reversedLines } from '../domain/entry';
import { LedgerErrors } from '../domain/ledger.errors';

export interface PostedEntry {
  id: string;
  idempotencyKey: string;
  financingRef: string | null;
  kind: string;
  description: string;
  valueDate: string;
  reversesEntryId: string | null;
  /** Who posted it: a person (`email (id)`) or the platform (`system:…`). */
  postedBy: string;
  /** The second person, for an entry that needed one (a reversal). */
  approvedBy: string | null;
  lines: Line[];
}

export interface Balance {
  account: Account;
  financingRef: string;
  debits: string;
  credits: string;
  /** debits − credits: positive for assets, negative for liabilities and income. */
  balance: string;
}

export const REVERSAL = 'ledger.reversal';

/** Who an entry names as having posted it, and approved it when it took a second person. */
export interface Signatures {
  postedBy: string;
  postedByUser: string | null;
  approvedBy?: string;
  approvedByUser?: string;
}

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
      const [reversed] = await em.query('SELECT 1 FROM journal_entries WHERE reverses_entry_id = $1', [entryId]);
      if (reversed) throw LedgerErrors.ALREADY_REVERSED('this entry is already reversed');
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

  async entries(actor: Actor, financingRef: string, limit: number, offset: number): Promise<[PostedEntry[], number]> {
    return this.db.transaction(dataScopeOf(actor), async (em) => {
      const [{ total }] = await em.query('SELECT count(*)::int AS total FROM journal_entries WHERE financing_ref = $1', [financingRef]);
      return [await this.load(em, 'e.financing_ref = $1 ORDER BY e.posted_at, e.id LIMIT $2 OFFSET $3', [financingRef, limit, offset]), total];
    });
  }

  /** Balances per account, for one financing or (without one) the caller's whole book. */
  async balances(actor: Actor, financingRef?: string): Promise<Balance[]> {
    const rows: Array<{ account_code: Account; financing_ref: string; debits: string; credits: string }> = await this.db.transaction(dataScopeOf(actor), (em) =>
      em.query(
        financingRef === undefined
          ? `SELECT account_code, '' AS financing_ref, sum(debits) AS debits, sum(credits) AS credits FROM ledger_balances GROUP BY account_code ORDER BY account_code`
          : 'SELECT account_code, financing_ref, sum(debits) AS debits, sum(credits) AS credits FROM ledger_balances WHERE financing_ref = $1 GROUP BY 1, 2 ORDER BY account_code',
        financingRef === undefined ? [] : [financingRef],
      ),
    );
    return rows.map((r) => ({
      account: r.account_code,
      financingRef: r.financing_ref,
      debits: Money.of(r.debits).toString(),
      credits: Money.of(r.credits).toString(),
      balance: Money.of(r.debits).minus(Money.of(r.credits)).toString(),
    }));
  }

  /** The entry posted under `key` in the caller's books, if any. */
  async entryByKey(actor: Actor, key: string): Promise<PostedEntry | undefined> {
    return this.db.transaction(dataScopeOf(actor), async (em) => {
      const [row] = await em.query('SELECT id FROM journal_entries WHERE idempotency_key = $1', [key]);
      return row ? this.entryById(em, row.id) : undefined;
    });
  }

  private async insert(em: EntityManager, signed: Signatures, draft: EntryDraft, reversesEntryId: string | null = null): Promise<PostedEntry> {
    const id = randomUUID();
    const inserted = await em.query(
      `INSERT INTO journal_entries (id, idempotency_key, financing_ref, kind, description, value_date, currency, reverses_entry_id, posted_by, posted_by_user, approved_by, approved_by_user)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
      [
        id,
        draft.idempotencyKey,
        draft.financingRef ?? null,
        draft.kind,
        draft.description,
        draft.valueDate,
        draft.currency ?? 'CNY',
        reversesEntryId,
        signed.postedBy,
        signed.postedByUser,
        signed.approvedBy ?? null,
        signed.approvedByUser ?? null,
      ],
    );
    if (inserted.length === 0) {
      const [row] = await em.query('SELECT id FROM journal_entries WHERE idempotency_key = $1', [draft.idempotencyKey]);
      // the key is another bank's: say no more than that it cannot be used
      if (!row) throw LedgerErrors.KEY_TAKEN(`the idempotency key ${draft.idempotencyKey} cannot be used`);
      return this.entryById(em, row.id);
    }
    await em.query(
      `INSERT INTO journal_lines (entry_id, account_code, financing_ref, debit, credit)
       SELECT $1, account, $2, debit, credit FROM unnest($3::text[], $4::numeric[], $5::numeric[]) AS l(account, debit, credit)`,
      [id, draft.financingRef ?? '', draft.lines.map((l) => l.account), draft.lines.map((l) => l.debit ?? '0'), draft.lines.map((l) => l.credit ?? '0')],
    );
    return this.entryById(em, id);
  }

  private async entryById(em: EntityManager, id: string): Promise<PostedEntry> {
    const [entry] = await this.load(em, 'e.id = $1', [id]);
    if (!entry) throw notFound(id);
    return entry;
  }

  /** Entries with their lines, in one query. */
  private async load(em: EntityManager, where: string, params: unknown[]): Promise<PostedEntry[]> {
    const rows: SqlRow[] = await em.query(
      `SELECT e.id, e.idempotency_key, e.financing_ref, e.kind, e.description, to_char(e.value_date, 'YYYY-MM-DD') AS value_date, e.reverses_entry_id,
              e.posted_by, e.approved_by,
              (SELECT json_agg(json_build_object('account', l.account_code, 'debit', l.debit::text, 'credit', l.credit::text) ORDER BY l.id)
                 FROM journal_lines l WHERE l.entry_id = e.id) AS lines
         FROM journal_entries e WHERE ${where}`,
      params,
    );
    return rows.map((entry) => ({
      id: entry.id,
      idempotencyKey: entry.idempotency_key,
      financingRef: entry.financing_ref,
      kind: entry.kind,
      description: entry.description,
      valueDate: entry.value_date,
      reversesEntryId: entry.reverses_entry_id,
      postedBy: entry.posted_by,
      approvedBy: entry.approved_by,
      lines: (entry.lines as Array<{ account: Account; debit: string; credit: string }>).map((l) =>
        Money.of(l.debit).isZero() ? { account: l.account, credit: l.credit } : { account: l.account, debit: l.debit },
      ),
    }));
  }
}
