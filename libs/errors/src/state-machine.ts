import type { DomainError } from './domain-error';

export type Transitions<S extends string, T extends string> = Readonly<Record<T, { from: readonly S[]; to: S }>>;

/**
 * An explicit state machine: the table of legal moves, and a `next` that refuses any other
 * with the context's catalogued conflict (`RECEIVABLE.ILLEGAL_TRANSITION`) naming the move and the state.
 */
export function stateMachine<S extends string, T extends string>(
  refusal: (message: string) => DomainError,
  noun: string,
  transitions: Transitions<S, T>,
) {
  return (current: S, transition: T): S => {
    const rule = transitions[transition];
    if (!rule.from.includes(current)) {
      throw refusal(`cannot ${transition} a ${noun} that is ${current}`);
    }
    return rule.to;
  };
}
