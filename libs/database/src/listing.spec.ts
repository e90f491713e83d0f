import { containing, ilikeAny, orderBy, searchPattern } from './listing';

describe('list queries', () => {
  const columns = { createdAt: 'f.created_at', amount: 'f.amount', kind: ['l.kind', 'l.subject'] };
  const fallback = { sort: 'createdAt', order: 'desc' } as const;

  it('sorts by the allow-listed columns of the field asked for, then the id the same way', () => {
    expect(orderBy(columns, {}, fallback, 'f.id')).toBe('ORDER BY f.created_at DESC NULLS LAST, f.id DESC');
    expect(orderBy(columns, { sort: 'amount' }, fallback, 'f.id')).toBe('ORDER BY f.amount ASC NULLS LAST, f.id ASC');
    expect(orderBy(columns, { sort: 'amount', order: 'desc' }, fallback, 'f.id')).toBe('ORDER BY f.amount DESC NULLS LAST, f.id DESC');
    expect(orderBy(columns, { order: 'asc' }, fallback, 'f.id')).toBe('ORDER BY f.created_at ASC NULLS LAST, f.id ASC');
    expect(orderBy(columns, { sort: 'kind', order: 'desc' }, fallback, 'l.id')).toBe(
      'ORDER BY l.kind DESC NULLS LAST, l.subject DESC NULLS LAST, l.id DESC',
    );
  });

  it('searches for the text as typed: %, _ and \\ match only themselves', () => {
    expect(containing('LQ_1')).toBe('%LQ\\_1%');
    expect(containing('100%')).toBe('%100\\%%');
    expect(containing('a\\b')).toBe('%a\\\\b%');
    expect(searchPattern(undefined)).toBeNull();
    expect(searchPattern('x')).toBe('%x%');
    expect(ilikeAny(['a', 'b'], '$3')).toBe('(a ILIKE $3 OR b ILIKE $3)');
  });
});
