import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching beyond the exact reference: an expected movement is settled in parts, a line may
 * settle several expected movements and several lines one; each decision (automatic,
 * suggested, manual, write-off) is kept with its links and is reversed rather than deleted.
 */
/** What the rules read: expected movements by reference, lines by status and payer. */
async function movementsAndLines(db: QueryRunner): Promise<void> {
  // What the payer quotes: several expected movements (a loan's instalments) may share it.
  await db.query('ALTER TABLE expected_movements ADD COLUMN reference text');
  await db.query('UPDATE expected_movements SET reference = end_to_end_id');
  await db.query('ALTER TABLE expected_movements ALTER COLUMN reference SET NOT NULL');
  await db.query('ALTER TABLE expected_movements ADD COLUMN settled numeric(20, 2) NOT NULL DEFAULT 0');
  await db.query('ALTER TABLE expected_movements ADD COLUMN counterparty_key text');
  await db.query(`UPDATE expected_movements SET settled = amount WHERE status = 'MATCHED'`);
  await db.query('ALTER TABLE expected_movements DROP CONSTRAINT expected_movements_status_check');
  await db.query(
    `ALTER TABLE expected_movements ADD CONSTRAINT expected_movements_status_check CHECK (status IN ('OPEN', 'PARTIAL', 'MATCHED'))`,
  );
  await db.query(`CREATE INDEX expected_movements_open_reference ON expected_movements (reference) WHERE status <> 'MATCHED'`);
  await db.query(`CREATE INDEX expected_movements_open_party ON expected_movements (counterparty_key) WHERE status <> 'MATCHED'`);
  await db.query(`CREATE INDEX expected_movements_open_remaining ON expected_movements ((amount - settled)) WHERE status <> 'MATCHED'`);

  await db.query('ALTER TABLE statement_lines ADD COLUMN counterparty_key text');
  await db.query(
    `UPDATE statement_lines SET counterparty_key = nullif(lower(regexp_replace(counterparty_name, '[^[:alnum:]]', '', 'g')), '')`,
  );
  await db.query('ALTER TABLE statement_lines DROP CONSTRAINT statement_lines_match_status_check');
  await db.query(
    `ALTER TABLE statement_lines ADD CONSTRAINT statement_lines_match_status_check CHECK (match_status IN ('UNMATCHED', 'MATCHED', 'WRITTEN_OFF'))`,
  );
  await db.query(`CREATE INDEX statement_lines_unmatched_party ON statement_lines (counterparty_key) WHERE match_status = 'UNMATCHED'`);
  // false once a person or a financing undid the line's match: the rules leave it to people
  await db.query('ALTER TABLE statement_lines ADD COLUMN auto_match boolean NOT NULL DEFAULT true');
  // a run walks the lines the rules may take in id order, a batch at a time
  await db.query('DROP INDEX statement_lines_unmatched');
  await db.query(
    `CREATE INDEX statement_lines_automatic ON statement_lines (id) WHERE match_status = 'UNMATCHED' AND auto_match AND NOT reversal`,
  );
}

/** Decisions and the links from lines to movements they make. */
async function decisions(db: QueryRunner): Promise<void> {
  await db.query(`
    CREATE TABLE match_decisions (
      id uuid PRIMARY KEY,
      method text NOT NULL CHECK (method IN ('END_TO_END', 'AMOUNT_DATE_COUNTERPARTY', 'MANY_TO_ONE', 'ONE_TO_MANY', 'MANUAL', 'WRITE_OFF')),
      confidence numeric(3, 2) NOT NULL CHECK (confidence BETWEEN 0 AND 1),
      status text NOT NULL CHECK (status IN ('ACTIVE', 'SUGGESTED', 'REVERSED')),
      -- the part of the lines' total that no expected movement took (within tolerance)
      written_off numeric(20, 2) NOT NULL DEFAULT 0,
      reason text,
      -- set once every financing concerned has taken its payment
      forwarded_at timestamptz,
      decided_at timestamptz NOT NULL DEFAULT now(),
      decided_by text NOT NULL,
      reversed_at timestamptz,
      reversed_by text,
      reversal_reason text
    )`);
  await db.query(`
    CREATE TABLE match_links (
      decision_id uuid NOT NULL REFERENCES match_decisions (id),
      line_id bigint NOT NULL REFERENCES statement_lines (id),
      expected_id uuid REFERENCES expected_movements (id),
      amount numeric(20, 2) NOT NULL CHECK (amount >= 0)
    )`);
  await db.query('CREATE INDEX match_links_decision ON match_links (decision_id)');
  await db.query('CREATE INDEX match_links_line ON match_links (line_id)');
  await db.query(`CREATE INDEX match_decisions_pending ON match_decisions (decided_at) WHERE status = 'ACTIVE' AND forwarded_at IS NULL`);
}

async function earlierMatches(db: QueryRunner): Promise<void> {
  // earlier exact-reference matches become decisions, already forwarded
  await db.query(`
    INSERT INTO match_decisions (id, method, confidence, status, forwarded_at, decided_at, decided_by)
    SELECT md5('statement_match/' || m.id)::uuid, m.method, m.confidence, 'ACTIVE', m.matched_at, m.matched_at, m.matched_by FROM statement_matches m`);
  await db.query(`
    INSERT INTO match_links (decision_id, line_id, expected_id, amount)
    SELECT md5('statement_match/' || m.id)::uuid, m.line_id, m.expected_id, l.amount FROM statement_matches m JOIN statement_lines l ON l.id = m.line_id`);
  await db.query('DROP TABLE statement_matches');

  await db.query(`
    CREATE TABLE bank_accounts (
      account text PRIMARY KEY,
      ledger_account text NOT NULL,
      currency char(3) NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid NOT NULL
    )`);
  await db.query(`
    CREATE TABLE reconciliation_runs (
      id text PRIMARY KEY,
      trigger text NOT NULL CHECK (trigger IN ('SCHEDULE', 'ON_DEMAND')),
      status text NOT NULL CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
      total integer NOT NULL,
      processed integer NOT NULL DEFAULT 0,
      matched integer NOT NULL DEFAULT 0,
      suggested integer NOT NULL DEFAULT 0,
      -- the last line id a batch went through: a retried batch resumes after it
      cursor bigint NOT NULL DEFAULT 0,
      started_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      started_by text NOT NULL
    )`);
}

export class MatchingDecisions1764145000000 implements MigrationInterface {
  name = 'MatchingDecisions1764145000000';

  async up(db: QueryRunner): Promise<void> {
    await movementsAndLines(db);
    await decisions(db);
    await earlierMatches(db);
  }

  async down(): Promise<void> {
    throw new Error('MatchingDecisions1764145000000 cannot be undone: decisions do not fit back into one match per line');
  }
}
