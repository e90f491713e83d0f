import fc from 'fast-check';
import { Dec, Money } from '@caravan/money';
import {
  byAmountDateCounterparty,
  byReference,
  Line,
  Link,
  manualLinks,
  manyToOne,
  oneToMany,
  OpenMovement,
  partyKey,
  referenceKey,
} from './matching';

const mv = (id: string, over: Partial<OpenMovement> = {}): OpenMovement => ({
  id,
  financingRef: 'F-1',
  kind: 'INSTALMENT',
  reference: 'LN-1',
  direction: 'CRDT',
  currency: 'CNY',
  remaining: '500.00',
  valueFrom: null,
  valueTo: null,
  counterpartyKey: 'acme',
  ...over,
});

const ln = (id: string, over: Partial<Line> = {}): Line => ({
  id,
  amount: '500.00',
  currency: 'CNY',
  direction: 'CRDT',
  endToEndId: null,
  day: null,
  counterpartyKey: 'acme',
  ...over,
});

const total = (amounts: string[]) => amounts.reduce((s, a) => s.plus(Money.of(a, 'CNY')), Money.zero('CNY')).toString();
const sumLinks = (links: Link[]) => total(links.map((l) => l.amount));
const yuan = (cents: number) => new Dec(cents).div(100).toFixed(2);

describe('referenceKey', () => {
  it('reads a reference as typed with spaces or in lower case as ours', () => {
    expect(referenceKey('rf18 5390 0754 7034')).toBe('RF18539007547034');
    expect(referenceKey(' RF18539007547034\t')).toBe('RF18539007547034');
    expect(referenceKey('   ')).toBeNull();
    expect(referenceKey(null)).toBeNull();
  });
});

describe('partyKey', () => {
  it('ignores case, spaces and punctuation', () => {
    expect(partyKey('ACME Trading Co., Ltd.')).toBe('acmetradingcoltd');
    expect(partyKey(' acme-trading co ltd ')).toBe(partyKey('ACME Trading Co., Ltd.'));
  });

  it('keeps Chinese names and drops the spaces inside them', () => {
    expect(partyKey('国网新疆电力有限公司')).toBe('国网新疆电力有限公司');
    expect(partyKey('国网新疆电力 有限公司')).toBe(partyKey('国网新疆电力有限公司'));
    expect(partyKey('国网新疆电力有限公司')).not.toBe(partyKey('国网甘肃电力有限公司'));
  });

  it('folds full-width letters and brackets (NFKC)', () => {
    expect(partyKey('ＡＢＣ（集团）')).toBe(partyKey('abc 集团'));
  });

  it.each([null, undefined, '', '   ', '—·.,()'])('has no key for %p', (name) => {
    expect(partyKey(name)).toBeNull();
  });
});

describe('byReference', () => {
  const line = (amount: string, over: Partial<Line> = {}) => ln('L1', { amount, endToEndId: 'LN-1', ...over });
  const instalments = [mv('M1'), mv('M2'), mv('OTHER', { reference: 'LN-2' })];

  it('settles the one movement under the reference, with certainty', () => {
    expect(byReference(line('500.00'), [mv('M1')])).toEqual({
      method: 'END_TO_END',
      confidence: 1,
      links: [{ lineId: 'L1', expectedId: 'M1', amount: '500.00' }],
    });
  });

  it('covers two instalments under the same reference in order, ignoring other references', () => {
    expect(byReference(line('1000.00'), instalments)?.links).toEqual([
      { lineId: 'L1', expectedId: 'M1', amount: '500.00' },
      { lineId: 'L1', expectedId: 'M2', amount: '500.00' },
    ]);
    expect(byReference(line('800'), instalments)?.links).toEqual([
      { lineId: 'L1', expectedId: 'M1', amount: '500.00' },
      { lineId: 'L1', expectedId: 'M2', amount: '300.00' },
    ]);
  });

  it('puts a partial payment on the first instalment only', () => {
    expect(byReference(line('300.00'), instalments)?.links).toEqual([{ lineId: 'L1', expectedId: 'M1', amount: '300.00' }]);
  });

  it('gives an overpayment to the last movement', () => {
    expect(byReference(line('1200.50'), instalments)?.links).toEqual([
      { lineId: 'L1', expectedId: 'M1', amount: '500.00' },
      { lineId: 'L1', expectedId: 'M2', amount: '700.50' },
    ]);
  });

  it.each([
    ['a direction mismatch', line('500.00', { direction: 'DBIT' })],
    ['a currency mismatch', line('500.00', { currency: 'USD' })],
    ['another reference', line('500.00', { endToEndId: 'LN-9' })],
    ['no reference', line('500.00', { endToEndId: null })],
  ])('finds nothing on %s', (_, l) => {
    expect(byReference(l, [mv('M1')])).toBeUndefined();
  });

  it('always links exactly the line amount (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000_00 }),
        fc.array(fc.integer({ min: 1, max: 1_000_000_00 }), { minLength: 1, maxLength: 8 }),
        (lineCents, remainders) => {
          const ms = remainders.map((c, i) => mv(`M${i}`, { remaining: yuan(c) }));
          const p = byReference(line(yuan(lineCents)), ms)!;
          expect(sumLinks(p.links)).toBe(yuan(lineCents));
          // in order, each movement at most once, and every link but the last takes at most what is awaited
          expect(p.links.map((l) => l.expectedId)).toEqual(ms.slice(0, p.links.length).map((m) => m.id));
          p.links
            .slice(0, -1)
            .forEach((l, i) => expect(Money.of(l.amount, 'CNY').compare(Money.of(ms[i].remaining, 'CNY'))).toBeLessThanOrEqual(0));
        },
      ),
    );
  });
});

describe('byAmountDateCounterparty', () => {
  const january = { valueFrom: '2026-01-01', valueTo: '2026-01-31' };

  it('scores the amount alone at 0.5', () => {
    expect(byAmountDateCounterparty(ln('L1', { counterpartyKey: null, day: '2026-03-01' }), [mv('M1', january)])).toEqual({
      method: 'AMOUNT_DATE_COUNTERPARTY',
      confidence: 0.5,
      links: [{ lineId: 'L1', expectedId: 'M1', amount: '500.00' }],
    });
  });

  it('adds 0.25 for the value-date window (bounds included)', () => {
    expect(byAmountDateCounterparty(ln('L1', { counterpartyKey: null, day: '2026-01-31' }), [mv('M1', january)])?.confidence).toBe(0.75);
  });

  it('adds 0.25 for the counterparty', () => {
    expect(byAmountDateCounterparty(ln('L1', { day: '2026-03-01' }), [mv('M1', january)])?.confidence).toBe(0.75);
    expect(byAmountDateCounterparty(ln('L1', { day: '2026-01-15' }), [mv('M1', january)])?.confidence).toBe(1);
  });

  it('does not count two missing counterparties as the same', () => {
    const p = byAmountDateCounterparty(ln('L1', { counterpartyKey: null, day: '2026-01-15' }), [
      mv('M1', { ...january, counterpartyKey: null }),
    ]);
    expect(p?.confidence).toBe(0.75);
  });

  it('prefers the better candidate without lowering its confidence', () => {
    const p = byAmountDateCounterparty(ln('L1', { day: '2026-01-15' }), [mv('WEAK', { counterpartyKey: 'other' }), mv('BEST', january)]);
    expect(p).toMatchObject({ confidence: 1, links: [{ expectedId: 'BEST' }] });
  });

  it('halves the confidence for two equally good candidates, proposing the earlier window', () => {
    const p = byAmountDateCounterparty(ln('L1', { day: '2026-01-15' }), [
      mv('LATER', { valueFrom: '2026-01-10', valueTo: '2026-01-31' }),
      mv('EARLIER', { valueFrom: '2026-01-05', valueTo: '2026-01-31' }),
    ]);
    expect(p).toMatchObject({ confidence: 0.5, links: [{ expectedId: 'EARLIER' }] });
    expect(byAmountDateCounterparty(ln('L1', { counterpartyKey: null }), [mv('A'), mv('B')])?.confidence).toBe(0.25);
  });

  it('finds nothing without an equal amount in the same direction and currency', () => {
    expect(byAmountDateCounterparty(ln('L1'), [mv('M1', { remaining: '500.01' }), mv('M2', { remaining: '499.99' })])).toBeUndefined();
    expect(byAmountDateCounterparty(ln('L1'), [mv('M1', { direction: 'DBIT' }), mv('M2', { currency: 'USD' })])).toBeUndefined();
    expect(byAmountDateCounterparty(ln('L1'), [])).toBeUndefined();
  });

  it("compares amounts as money: '100' equals '100.00'", () => {
    const p = byAmountDateCounterparty(ln('L1', { amount: '100' }), [mv('M1', { remaining: '100.00' })]);
    expect(p?.links[0].expectedId).toBe('M1');
    expect(Money.of(p!.links[0].amount, 'CNY').toString()).toBe('100.00');
  });
});

describe('manyToOne', () => {
  const f1 = [
    mv('I1', { financingRef: 'F-1', remaining: '500.00', valueFrom: '2026-01-01', valueTo: '2026-01-31' }),
    mv('I2', { financingRef: 'F-1', remaining: '500.00', valueFrom: '2026-02-01', valueTo: '2026-02-28' }),
    mv('I3', { financingRef: 'F-1', remaining: '500.00', valueFrom: '2026-03-01', valueTo: '2026-03-31' }),
  ];
  const line = (amount: string, over: Partial<Line> = {}) => ln('L1', { amount, day: '2026-01-20', ...over });

  it('matches consecutive instalments of one financing summing exactly, the line in the first window, at 0.9', () => {
    expect(manyToOne(line('1000.00'), f1)).toEqual({
      method: 'MANY_TO_ONE',
      confidence: 0.9,
      links: [
        { lineId: 'L1', expectedId: 'I1', amount: '500.00' },
        { lineId: 'L1', expectedId: 'I2', amount: '500.00' },
      ],
    });
    expect(manyToOne(line('1500.00'), f1)?.links.map((l) => l.expectedId)).toEqual(['I1', 'I2', 'I3']);
  });

  it('is less sure outside the first window', () => {
    expect(manyToOne(line('1000.00', { day: '2026-02-10' }), f1)?.confidence).toBe(0.8);
  });

  it('is less sure across two financings', () => {
    const mixed = [f1[0], mv('J1', { financingRef: 'F-2', remaining: '250.00' })];
    expect(manyToOne(line('750.00'), mixed)).toMatchObject({
      confidence: 0.8,
      links: [{ expectedId: 'I1' }, { expectedId: 'J1', amount: '250.00' }],
    });
    expect(manyToOne(line('750.00', { day: null }), mixed)?.confidence).toBe(0.7);
  });

  it('finds a run that does not start at the first movement', () => {
    const ms = [mv('A', { remaining: '300.00' }), ...f1.slice(0, 2)];
    expect(manyToOne(line('1000.00'), ms)?.links.map((l) => l.expectedId)).toEqual(['I1', 'I2']);
  });

  it('finds nothing without an exact run of two or more', () => {
    expect(manyToOne(line('700.00'), f1)).toBeUndefined();
    expect(manyToOne(line('500.00'), f1)).toBeUndefined();
    // I1 + I3 sum to 1000 but are not consecutive
    expect(manyToOne(line('1000.00'), [f1[0], mv('X', { remaining: '200.00' }), f1[2]])).toBeUndefined();
  });

  it('requires the same counterparty key', () => {
    expect(
      manyToOne(
        line('1000.00', { counterpartyKey: null }),
        f1.map((m) => ({ ...m, counterpartyKey: null })),
      ),
    ).toBeUndefined();
    expect(manyToOne(line('1000.00', { counterpartyKey: 'other' }), f1)).toBeUndefined();
  });
});

describe('oneToMany', () => {
  const invoice = mv('INV', { remaining: '1000.00', valueFrom: '2026-01-01', valueTo: '2026-01-31' });
  const part = (id: string, amount: string, day = '2026-01-15', over: Partial<Line> = {}) => ln(id, { amount, day, ...over });

  it('matches two lines summing to what is awaited, inside the window, at 0.8', () => {
    expect(oneToMany(invoice, [part('L1', '400.00'), part('L2', '600.00')])).toEqual({
      method: 'ONE_TO_MANY',
      confidence: 0.8,
      links: [
        { lineId: 'L1', expectedId: 'INV', amount: '400.00' },
        { lineId: 'L2', expectedId: 'INV', amount: '600.00' },
      ],
    });
  });

  it('matches three lines', () => {
    const p = oneToMany(invoice, [part('L1', '200.00'), part('L2', '300.00'), part('L3', '500.00')]);
    expect(p?.links.map((l) => [l.lineId, l.amount])).toEqual([
      ['L1', '200.00'],
      ['L2', '300.00'],
      ['L3', '500.00'],
    ]);
  });

  it('leaves out a line outside the window', () => {
    expect(oneToMany(invoice, [part('L1', '400.00'), part('L2', '600.00', '2026-02-01')])).toBeUndefined();
    expect(
      oneToMany(invoice, [part('L1', '400.00'), part('LATE', '600.00', '2026-02-01'), part('L2', '600.00')])?.links.map((l) => l.lineId),
    ).toEqual(['L1', 'L2']);
  });

  it('leaves out lines of another payer, direction or without a day', () => {
    expect(oneToMany(invoice, [part('L1', '400.00'), part('L2', '600.00', undefined, { counterpartyKey: 'other' })])).toBeUndefined();
    expect(oneToMany(invoice, [part('L1', '400.00'), part('L2', '600.00', undefined, { direction: 'DBIT' })])).toBeUndefined();
    expect(oneToMany(invoice, [part('L1', '400.00'), ln('L2', { amount: '600.00', day: null })])).toBeUndefined();
  });

  it('finds nothing for a single line or a sum that is not exact', () => {
    expect(oneToMany(invoice, [part('L1', '1000.00')])).toBeUndefined();
    expect(oneToMany(invoice, [part('L1', '400.00'), part('L2', '599.99')])).toBeUndefined();
  });
});

describe('manualLinks', () => {
  it('spreads the lines over the movements in order', () => {
    const r = manualLinks([ln('L1', { amount: '600.00' }), ln('L2', { amount: '400' })], [mv('M1'), mv('M2')]);
    expect(r.links).toEqual([
      { lineId: 'L1', expectedId: 'M1', amount: '500.00' },
      { lineId: 'L1', expectedId: 'M2', amount: '100.00' },
      { lineId: 'L2', expectedId: 'M2', amount: '400.00' },
    ]);
    expect(r.difference.toString()).toBe('0.00');
  });

  it('reports an underpayment as a negative difference', () => {
    const r = manualLinks([ln('L1', { amount: '900.00' })], [mv('M1'), mv('M2')]);
    expect(r.links).toEqual([
      { lineId: 'L1', expectedId: 'M1', amount: '500.00' },
      { lineId: 'L1', expectedId: 'M2', amount: '400.00' },
    ]);
    expect(r.difference.toString()).toBe('-100.00');
  });

  it("leaves an overpayment's excess on a link with no movement", () => {
    const r = manualLinks(
      [ln('L1', { amount: '600.00' }), ln('L2', { amount: '500.00' }), ln('L3', { amount: '0.50' })],
      [mv('M1', { remaining: '1000.00' })],
    );
    expect(r.links).toEqual([
      { lineId: 'L1', expectedId: 'M1', amount: '600.00' },
      { lineId: 'L2', expectedId: 'M1', amount: '400.00' },
      { lineId: 'L2', expectedId: null, amount: '100.00' },
      { lineId: 'L3', expectedId: null, amount: '0.50' },
    ]);
    expect(r.difference.toString()).toBe('100.50');
  });

  it('keeps every line and the lines total, whatever the amounts (property)', () => {
    const cents = fc.integer({ min: 1, max: 1_000_000_00 });
    fc.assert(
      fc.property(fc.array(cents, { minLength: 1, maxLength: 6 }), fc.array(cents, { maxLength: 6 }), (lineCents, movementCents) => {
        const lines = lineCents.map((c, i) => ln(`L${i}`, { amount: yuan(c) }));
        const movements = movementCents.map((c, i) => mv(`M${i}`, { remaining: yuan(c) }));
        const { links, difference } = manualLinks(lines, movements);
        const paid = total(lines.map((l) => l.amount));
        const awaited = total(movements.map((m) => m.remaining));

        expect(sumLinks(links)).toBe(paid);
        expect(new Set(links.map((l) => l.lineId))).toEqual(new Set(lines.map((l) => l.id)));
        expect(difference.toString()).toBe(Money.of(paid, 'CNY').minus(Money.of(awaited, 'CNY')).toString());
        // no movement gets more than it awaits; what is left over is exactly the excess
        for (const m of movements) {
          const got = Money.of(sumLinks(links.filter((l) => l.expectedId === m.id)), 'CNY');
          expect(got.compare(Money.of(m.remaining, 'CNY'))).toBeLessThanOrEqual(0);
        }
        const excess = sumLinks(links.filter((l) => l.expectedId === null));
        expect(excess).toBe(difference.isPositive() ? difference.toString() : '0.00');
      }),
    );
  });
});
