import { open, seal } from './secret-box';

describe('sealed second-factor seeds', () => {
  const keys = { current: 'k'.repeat(32) };

  it('opens what it sealed, and nothing tampered with', () => {
    const sealed = seal('JBSWY3DPEHPK3PXP', keys);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(open(sealed, keys)).toEqual({ plain: 'JBSWY3DPEHPK3PXP', stale: false });
    const [kid, iv, body, tag] = sealed.split('.');
    const flipped = `${kid}.${iv}.${body.slice(0, -2)}${body.at(-2) === 'A' ? 'B' : 'A'}${body.at(-1)}.${tag}`;
    expect(open(flipped, keys)).toBeUndefined();
  });

  it('opens a seed sealed before a rotation, saying it is stale; not once the old key is gone', () => {
    const sealed = seal('JBSWY3DPEHPK3PXP', keys);
    const rotated = { current: 'n'.repeat(32), previous: [keys.current] };
    expect(open(sealed, rotated)).toEqual({ plain: 'JBSWY3DPEHPK3PXP', stale: true });
    expect(open(sealed, { current: 'n'.repeat(32) })).toBeUndefined();
  });
});
