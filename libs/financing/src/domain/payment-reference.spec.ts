import { validate } from 'node-iso11649';
import { newPaymentReference } from './payment-reference';

describe('payment references', () => {
  it('are valid ISO 11649 creditor references with a random part', () => {
    const references = Array.from({ length: 1000 }, newPaymentReference);
    for (const reference of references) {
      expect(reference).toMatch(/^RF\d{2}[0-9A-HJ-NP-Z]{14}$/);
      expect(validate(reference)).toBe(true);
    }
    expect(new Set(references).size).toBe(references.length);
  });

  it('catch a mistyped character by their check digits', () => {
    const reference = newPaymentReference();
    const last = reference.at(-1)!;
    const typo = reference.slice(0, -1) + (last === '7' ? '8' : '7');
    expect(validate(typo)).toBe(false);
  });
});
