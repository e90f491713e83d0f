import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { IdentityErrors } from './identity.errors';

// Length alone lets "password1234" through. zxcvbn-ts (Dropbox's estimator, maintained as a
// TypeScript port) scores a password against lists of common and breached passwords, names,
// words, keyboard walks and dates, and against what the person is (their e-mail and name).
zxcvbnOptions.setOptions({
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
  translations: english.translations,
});

export const MIN_PASSWORD_LENGTH = 12;
/** zxcvbn's 3: "safely unguessable", about 10^8 guesses and more. */
const MIN_SCORE = 3;

/** Refuses a password that is short, common, or made of what the person is called. */
export function assertStrongPassword(password: string, about: string[] = []): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw IdentityErrors.WEAK_PASSWORD(`a password has at least ${MIN_PASSWORD_LENGTH} characters`, 'password');
  }
  // an e-mail's name, and each part of a name or an address on its own: "wang.fang", "wang", "hami"
  const words = about.flatMap((a) => [a, a.split('@')[0], ...a.toLowerCase().split(/[^\p{L}\p{N}]+/u)]).filter((w) => w.length >= 3);
  const verdict = zxcvbn(password.slice(0, 100), words);
  if (verdict.score < MIN_SCORE) {
    const hint = verdict.feedback.warning || verdict.feedback.suggestions[0] || 'it is too easy to guess';
    throw IdentityErrors.WEAK_PASSWORD(`choose a password that is harder to guess: ${hint}`, 'password');
  }
}
