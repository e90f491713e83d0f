import { assertStrongPassword } from './password-policy';

describe('password policy', () => {
  it.each(['password1234', 'Passw0rd!2026', 'qwertyuiop12', '123456789012', 'iloveyou2026'])(
    'refuses a common or breached password: %s',
    (password) => {
      expect(() => assertStrongPassword(password)).toThrow(expect.objectContaining({ code: 'IDENTITY.WEAK_PASSWORD', field: 'password' }));
    },
  );

  it('refuses a password made of the person’s own name', () => {
    expect(() => assertStrongPassword('wang.fang.2026', ['wang.fang@hami-logistics.example', 'Wang Fang'])).toThrow(
      expect.objectContaining({ code: 'IDENTITY.WEAK_PASSWORD' }),
    );
  });

  it('refuses a short password', () => {
    expect(() => assertStrongPassword('xK9#qL2!')).toThrow(/at least 12 characters/);
  });

  it.each(['correct horse battery staple', 'Tianshan-coal-yard-47', 'caravan-demo-2026'])('accepts a hard one: %s', (password) => {
    expect(() => assertStrongPassword(password)).not.toThrow();
  });
});
