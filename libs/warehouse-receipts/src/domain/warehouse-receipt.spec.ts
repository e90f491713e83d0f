import { Dec } from '@caravan/money';
import { nextReceiptStatus, ReceiptStatus, ReceiptTransition, splitQuantities, value, WarehouseReceipt } from './warehouse-receipt';

const receipt: WarehouseReceipt = {
  id: 'r1',
  receiptNumber: 'HBY-2026-0001',
  custodianId: 'c',
  holderId: 'h',
  commodityCode: 'COAL-5500',
  grade: 'Q5500',
  quantity: new Dec('1000.000'),
  unit: 't',
  location: 'Hami bonded yard, bay 7',
  status: ReceiptStatus.ISSUED,
  parentId: null,
  issuedAt: new Date(),
  updatedAt: new Date(),
};

describe('warehouse receipt state machine', () => {
  const legal: Array<[ReceiptStatus, ReceiptTransition, ReceiptStatus]> = [
    [ReceiptStatus.ISSUED, 'pledge', ReceiptStatus.PLEDGED],
    [ReceiptStatus.PLEDGED, 'discharge', ReceiptStatus.ISSUED],
    [ReceiptStatus.ISSUED, 'split', ReceiptStatus.SPLIT],
    [ReceiptStatus.ISSUED, 'release', ReceiptStatus.RELEASED],
    [ReceiptStatus.ISSUED, 'cancel', ReceiptStatus.CANCELLED],
  ];
  it.each(legal)('%s --%s--> %s', (from, t, to) => expect(nextReceiptStatus(from, t)).toBe(to));

  const all: ReceiptTransition[] = ['pledge', 'discharge', 'split', 'release', 'cancel'];
  const illegal = Object.values(ReceiptStatus).flatMap((from) =>
    all.filter((t) => !legal.some(([f, lt]) => f === from && lt === t)).map((t) => [from, t] as [ReceiptStatus, ReceiptTransition]),
  );
  it.each(illegal)('refuses %s --%s-->', (from, t) => {
    expect(() => nextReceiptStatus(from, t)).toThrow(expect.objectContaining({ code: 'WAREHOUSE.ILLEGAL_TRANSITION', kind: 'conflict' }));
  });
});

describe('split', () => {
  it('accepts parts that add up exactly', () => {
    expect(splitQuantities(receipt, [new Dec('600.5'), new Dec('399.5')]).map((p) => p.toFixed())).toEqual(['600.5', '399.5']);
  });

  it.each([
    [['1000'], 'WAREHOUSE.SPLIT_TOO_FEW'],
    [['1000.001', '0'], 'WAREHOUSE.SPLIT_PART_NOT_POSITIVE'],
    [['600', '399.999'], 'WAREHOUSE.SPLIT_NOT_EXACT'],
    [['600', '400.001'], 'WAREHOUSE.SPLIT_NOT_EXACT'],
  ])('refuses %p with %s', (parts, code) => {
    expect(() =>
      splitQuantities(
        receipt,
        parts.map((p) => new Dec(p)),
      ),
    ).toThrow(expect.objectContaining({ code, field: 'quantities' }));
  });

  it('refuses to split a pledged receipt', () => {
    expect(() => splitQuantities({ ...receipt, status: ReceiptStatus.PLEDGED }, [new Dec(500), new Dec(500)])).toThrow(
      expect.objectContaining({ code: 'WAREHOUSE.ILLEGAL_TRANSITION' }),
    );
  });
});

describe('valuation', () => {
  it('values at the dated price less the haircut, half-up at the fen', () => {
    // 1,000.000 t × ¥812.35/t = ¥812,350.00; haircut 15% → ¥690,497.50
    const v = value(new Dec('1000.000'), new Dec('812.35'), 'CNY', new Dec('0.15'), '2026-11-25');
    expect(v.grossValue.toString()).toBe('812350.00');
    expect(v.value.toString()).toBe('690497.50');
  });

  it('rounds the gross and the net value half-up', () => {
    // 3.333 t × ¥100.005 = 333.316665 → 333.32; × 0.9 = 299.988 → 299.99
    const v = value(new Dec('3.333'), new Dec('100.005'), 'CNY', new Dec('0.1'), '2026-11-25');
    expect(v.grossValue.toString()).toBe('333.32');
    expect(v.value.toString()).toBe('299.99');
  });
});
