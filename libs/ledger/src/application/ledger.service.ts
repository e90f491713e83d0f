import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../../errors/src';
import { Money } from '../../../money/src';
import type { Account, EntryDraft, Line } from '../domain/accounts';
import { assertBalanced, reversedLines } from '../domain/entry';

export interface PostedEntry {
  id: string;
  idempotencyKey: string;
  financingRef: string | null;
  kind: string;
  description: string;
  valueDate: string;
  reversesEntryId: string | null;
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

@Injectable()
export class LedgerService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Posts a balanced entry once per idempotency key: a repeat returns the first posting. The
   * database checks the balance again at commit, so no code path can leave one unbalanced.
   */
  async post(draft: EntryDraft, reversesEntryId: string | null = null, within?: EntityManager): Promise<PostedEntry> {
    assertBalanced(draft);
    const work = async (em: EntityManager) => {
      const id = randomUUID();
      const inserted = await em.query(
        `INSERT INTO journal_entries (id, idempotency_key, financing_ref, kind, description, value_date, currency, reverses_entry_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
        [id, draft.idempotencyKey, draft.financingRef ?? null, draft.kind, draft.description, draft.valueDate, draft.currency ?? 'CNY', reversesEntryId],
      );
      if (inserted.length === 0) return this.entryByKey(em, draft.idempotencyKey);
      for (const line of draft.lines) {
        await em.query(
          'INSERT INTO journal_lines (entry_id, account_code, financing_ref, debit, credit) VALUES ($1, $2, $3, $4, $5)',
          [id, line.account, draft.financingRef ?? '', line.debit ?? '0', line.credit ?? '0'],
        );
      }
      return { id, idempotencyKey: draft.idempotencyKey, financingRef: draft.financingRef ?? null, kind: draft.kind, description: draft.description, valueDate: draft.valueDate, reversesEntryId, lines: draft.lines };
    };
    return within ? work(within) : this.dataSource.transaction(work);
  }

  /** Undoes an entry by posting its mirror image; an entry is reversed at most once. */
  async reverse(entryId: string, reason: string): Promise<PostedEntry> {
    return this.dataSource.transaction(async (em) => {
      const original = await this.entryById(em, entryId);
      if (original.reversesEntryId) throw new DomainError('LEDGER.REVERSAL_OF_REVERSAL', 'a reversal is not reversed; post a new entry', 'conflict');
      return this.post(
        {
          idempotencyKey: `reversal/${entryId}`,
          financingRef: original.financingRef ?? undefined,
          kind: `${original.kind}.reversal`,
          description: `Reversal of ${entryId}: ${reason}`,
          valueDate: new Date().toISOString().slice(0, 10),
          lines: reversedLines(original.lines),
        },
        entryId,
        em,
      );
    });
  }

  async entries(financingRef: string, limit: number, offset: number): Promise<[PostedEntry[], number]> {
    const [{ total }] = await this.dataSource.query('SELECT count(*)::int AS total FROM journal_entries WHERE financing_ref = $1', [financingRef]);
    const entries = await this.load(this.dataSource.manager, 'e.financing_ref = $1 ORDER BY e.posted_at, e.id LIMIT $2 OFFSET $3', [financingRef, limit, offset]);
    return [entries, total];
  }

  /** Balances per account, for one financing or (without one) the whole book. */
  async balances(financingRef?: string): Promise<Balance[]> {
    const rows: Array<{ account_code: Account; financing_ref: string; debits: string; credits: string }> = await this.dataSource.query(
      financingRef === undefined
        ? `SELECT account_code, '' AS financing_ref, sum(debits) AS debits, sum(credits) AS credits FROM ledger_balances GROUP BY account_code ORDER BY account_code`
        : 'SELECT account_code, financing_ref, debits, credits FROM ledger_balances WHERE financing_ref = $1 ORDER BY account_code',
      financingRef === undefined ? [] : [financingRef],
    );
    return rows.map((r) => ({
      account: r.account_code,
      financingRef: r.financing_ref,
      debits: Money.of(r.debits).toString(),
      credits: Money.of(r.credits).toString(),
      balance: Money.of(r.debits).minus(Money.of(r.credits)).toString(),
    }));
  }

  private async entryByKey(em: EntityManager, key: string): Promise<PostedEntry> {
    const [row] = await em.query('SELECT id FROM journal_entries WHERE idempotency_key = $1', [key]);
    return this.entryById(em, row.id);
  }

  private async entryById(em: EntityManager, id: string): Promise<PostedEntry> {
    const [entry] = await this.load(em, 'e.id = $1', [id]);
    if (!entry) throw new DomainError('LEDGER.ENTRY_NOT_FOUND', `journal entry ${id} not found`, 'not_found');
    return entry;
  }

  /** Entries with their lines, in one query. */
  private async load(em: EntityManager, where: string, params: unknown[]): Promise<PostedEntry[]> {
    const rows: Array<Record<string, any>> = await em.query(
      `SELECT e.id, e.idempotency_key, e.financing_ref, e.kind, e.description, to_char(e.value_date, 'YYYY-MM-DD') AS value_date, e.reverses_entry_id,
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
      lines: (entry.lines as Array<{ account: Account; debit: string; credit: string }>).map((l) =>
        Money.of(l.debit).isZero() ? { account: l.account, credit: l.credit } : { account: l.account, debit: l.debit },
      ),
    }));
  }

}
