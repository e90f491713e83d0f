import { randomInt } from 'node:crypto';
import { generate } from 'node-iso11649';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ'; // no I or O: read aloud or typed, never mistaken
const LENGTH = 14; // 34^14 ≈ 2.8 × 10^21: not guessable, short enough to type

/**
 * The reference a payer quotes: an ISO 11649 structured creditor reference (`RF`, two check
 * digits, then a random part), so a mistyped one is caught by its check digits and another
 * financing's cannot be guessed from the sequential loan number.
 */
export function newPaymentReference(): string {
  let random = '';
  for (let i = 0; i < LENGTH; i++) random += ALPHABET[randomInt(ALPHABET.length)];
  return generate(random);
}
