import { BusinessClock } from './business-clock';

describe('BusinessClock', () => {
  it('gives China’s date, not UTC’s, before 08:00 in China', () => {
    const at = (iso: string) => new BusinessClock('Asia/Shanghai', () => new Date(iso)).today();
    expect(at('2026-12-01T23:30:00Z')).toBe('2026-12-02'); // 07:30 in Beijing
    expect(at('2026-12-01T15:59:59Z')).toBe('2026-12-01'); // 23:59:59 in Beijing
    expect(at('2026-12-31T16:00:00Z')).toBe('2027-01-01'); // the new year, in Beijing
  });

  it('reads any IANA zone, and UTC as UTC', () => {
    expect(new BusinessClock('UTC').dateOf(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-01');
    expect(new BusinessClock('America/New_York').dateOf(new Date('2026-12-01T03:00:00Z'))).toBe('2026-11-30');
  });

  it('refuses a zone that does not exist', () => {
    expect(() => new BusinessClock('Asia/Nowhere')).toThrow(RangeError);
  });
});
