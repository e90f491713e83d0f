import { Money } from '@caravan/money';

// The matching rules, as pure functions over what a batch loaded: which statement lines settle
// which expected movements, with what confidence. The services load, the rules decide.

export type Direction = 'CRDT' | 'DBIT';
export type Method = 'END_TO_END' | 'AMOUNT_DATE_COUNTERPARTY' | 'MANY_TO_ONE' | 'ONE_TO_MANY' | 'MANUAL' | 'WRITE_OFF' | 'RULE';

/** A payment the platform instructs or awaits, as the financing that expects it records it. */
export interface ExpectedMovement {
  financingRef: string;
  kind: 'DISBURSEMENT' | 'PAYOUT' | 'REPAYMENT';
  /** Unique: the same movement is expected once, whoever records it again. */
  endToEndId: string;
  /** What the payer quotes; defaults to the end-to-end id. A loan's instalments share one. */
  reference?: string;
  direction: Direction;
  amount: string;
  currency: string;
  valueFrom?: string;
  valueTo?: string;
  /** The payer or payee's name as a bank would print it. */
  counterparty?: string;
}

export interface OpenMovement {
  id: string;
  financingRef: string;
  kind: string;
  reference: string;
  direction: Direction;
  currency: string;
  /** What is still awaited: the amount less what earlier matches settled. */
  remaining: string;
  valueFrom: string | null;
  valueTo: string | null;
  counterpartyKey: string | null;
}

export interface Line {
  id: string;
  amount: string;
  currency: string;
  direction: Direction;
  endToEndId: string | null;
  /** Booking date, else value date (YYYY-MM-DD). */
  day: string | null;
  counterpartyKey: string | null;
}

export interface Link {
  lineId: string;
  /** None for the part of a line written off. */
  expectedId: string | null;
  amount: string;
}

export interface Proposal {
  method: Method;
  /** 0..1, two decimals: at or above the threshold the match is made, below it is suggested. */
  confidence: number;
  links: Link[];
}

/** A decision about to be written: a proposal made (ACTIVE) or kept as a suggestion. */
export interface Draft extends Proposal {
  id: string;
  status: 'ACTIVE' | 'SUGGESTED';
  writtenOff?: string;
  reason?: string;
  /** Movements the decision closes even if not fully paid (an underpayment written off). */
  closes?: string[];
}

/** Two ways of writing one party's name compare equal: case, spaces and punctuation aside. */
export function partyKey(name: string | null | undefined): string | null {
  const key = (name ?? '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
  return key === '' ? null : key;
}

/**
 * A reference as the payer may have typed it ('rf18 5390 0754 7034') compares equal to ours
 * ('RF18539007547034'): case and spaces aside.
 */
export function referenceKey(reference: string | null | undefined): string | null {
  const key = (reference ?? '').normalize('NFKC').toUpperCase().replace(/\s+/g, '');
  return key === '' ? null : key;
}

const money = (amount: string, currency: string) => Money.of(amount, currency);

function inWindow(day: string | null, m: OpenMovement): boolean {
  if (!day) return false;
  return (!m.valueFrom || day >= m.valueFrom) && (!m.valueTo || day <= m.valueTo);
}

const samePayment = (line: Line, m: OpenMovement) => m.direction === line.direction && m.currency === line.currency;

/**
 * Rule 1, the payer quoted our reference: the line settles the open movements under it in
 * order (a loan's instalments, earliest first); what exceeds them all goes with the last,
 * whose financing hands an overpayment back. Certain.
 */
export function byReference(line: Line, underReference: OpenMovement[]): Proposal | undefined {
  const open = underReference.filter((m) => samePayment(line, m) && m.reference === line.endToEndId);
  if (open.length === 0) return undefined;
  let left = money(line.amount, line.currency);
  const links: Link[] = [];
  for (const m of open) {
    if (left.isZero()) break;
    const remaining = money(m.remaining, m.currency);
    const take = left.compare(remaining) < 0 ? left : remaining;
    links.push({ lineId: line.id, expectedId: m.id, amount: take.toString() });
    left = left.minus(take);
  }
  if (!left.isZero()) {
    const last = links[links.length - 1];
    last.amount = money(last.amount, line.currency).plus(left).toString();
  }
  return { method: 'END_TO_END', confidence: 1, links };
}

/**
 * Rule 2, no usable reference: an open movement awaiting exactly this amount. The amount
 * alone is weak; the value-date window and the counterparty each add to it. Two equally good
 * candidates halve the confidence: a person chooses.
 */
export function byAmountDateCounterparty(line: Line, candidates: OpenMovement[]): Proposal | undefined {
  const amount = money(line.amount, line.currency);
  const scored = candidates
    .filter((m) => samePayment(line, m) && money(m.remaining, m.currency).equals(amount))
    .map((m) => ({
      m,
      score: 0.5 + (inWindow(line.day, m) ? 0.25 : 0) + (line.counterpartyKey && line.counterpartyKey === m.counterpartyKey ? 0.25 : 0),
    }))
    .sort((a, b) => b.score - a.score || (a.m.valueFrom ?? '').localeCompare(b.m.valueFrom ?? ''));
  if (scored.length === 0) return undefined;
  const [best, second] = scored;
  const confidence = second && second.score === best.score ? best.score / 2 : best.score;
  return {
    method: 'AMOUNT_DATE_COUNTERPARTY',
    confidence: round(confidence),
    links: [{ lineId: line.id, expectedId: best.m.id, amount: line.amount }],
  };
}

/**
 * Rule 3, one payment covering several movements of its payer (instalments paid together,
 * several invoices at once): a run of them in due order summing exactly to the line. All of
 * one financing and the line inside the first one's window make it near certain.
 */
export function manyToOne(line: Line, ofParty: OpenMovement[]): Proposal | undefined {
  const open = ofParty.filter((m) => samePayment(line, m) && line.counterpartyKey !== null && m.counterpartyKey === line.counterpartyKey);
  const run = consecutiveRunSumming(open, (m) => money(m.remaining, m.currency), money(line.amount, line.currency));
  if (!run) return undefined;
  const oneFinancing = run.every((m) => m.financingRef === run[0].financingRef);
  const confidence = 0.7 + (oneFinancing ? 0.1 : 0) + (inWindow(line.day, run[0]) ? 0.1 : 0);
  return {
    method: 'MANY_TO_ONE',
    confidence: round(confidence),
    links: run.map((m) => ({ lineId: line.id, expectedId: m.id, amount: m.remaining })),
  };
}

/**
 * Rule 4, a movement paid in parts (a buyer paying one invoice in instalments of its own):
 * consecutive lines of its payer, all inside its window, summing exactly to what is awaited.
 * Parts are guessed, never certain: a suggestion unless the threshold is set low.
 */
export function oneToMany(movement: OpenMovement, linesOfParty: Line[]): Proposal | undefined {
  const lines = linesOfParty.filter(
    (l) =>
      samePayment(l, movement) && l.counterpartyKey !== null && l.counterpartyKey === movement.counterpartyKey && inWindow(l.day, movement),
  );
  const run = consecutiveRunSumming(lines, (l) => money(l.amount, l.currency), money(movement.remaining, movement.currency));
  if (!run) return undefined;
  return { method: 'ONE_TO_MANY', confidence: 0.8, links: run.map((l) => ({ lineId: l.id, expectedId: movement.id, amount: l.amount })) };
}

/** The first run of two or more consecutive items (at most `longest`) whose amounts add up to `total`. */
function consecutiveRunSumming<T>(items: T[], amountOf: (item: T) => Money, total: Money, longest = 12): T[] | undefined {
  for (let start = 0; start < items.length; start++) {
    let sum = amountOf(items[start]);
    for (let end = start + 1; end < items.length && end - start < longest; end++) {
      sum = sum.plus(amountOf(items[end]));
      const c = sum.compare(total);
      if (c === 0) return items.slice(start, end + 1);
      if (c > 0) break;
    }
  }
  return undefined;
}

/**
 * A person's match: the lines' total is spread over the movements in order. A difference
 * within the tolerance is written off (an underpayment closes the movements, an overpayment's
 * excess stays with no movement); beyond it the match is refused.
 */
export function manualLinks(lines: Line[], movements: OpenMovement[]): { links: Link[]; difference: Money } {
  const currency = lines[0].currency;
  const links: Link[] = [];
  let li = 0;
  let lineLeft = money(lines[0].amount, currency);
  for (const m of movements) {
    let need = money(m.remaining, currency);
    while (!need.isZero() && li < lines.length) {
      const take = lineLeft.compare(need) < 0 ? lineLeft : need;
      if (!take.isZero()) links.push({ lineId: lines[li].id, expectedId: m.id, amount: take.toString() });
      need = need.minus(take);
      lineLeft = lineLeft.minus(take);
      if (lineLeft.isZero() && ++li < lines.length) lineLeft = money(lines[li].amount, currency);
    }
  }
  // what no movement took: the rest of the current line and any line not reached
  while (li < lines.length) {
    if (!lineLeft.isZero()) links.push({ lineId: lines[li].id, expectedId: null, amount: lineLeft.toString() });
    if (++li < lines.length) lineLeft = money(lines[li].amount, currency);
  }
  const paid = lines.reduce((s, l) => s.plus(money(l.amount, currency)), Money.zero(currency));
  const awaited = movements.reduce((s, m) => s.plus(money(m.remaining, currency)), Money.zero(currency));
  return { links, difference: paid.minus(awaited) };
}

const round = (n: number) => Math.round(n * 100) / 100;
