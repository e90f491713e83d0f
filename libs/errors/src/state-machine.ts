import { DomainError } from './domain-error';

export type Transitions<S extends string, T extends string> = Readonly<Record<T, { from: readonly S[]; to: S }>>;

/**
 * An explicit state machine: the table of legal moves, and a `next` that refuses any other
 * with one coded conflict (`RECEIVABLE.ILLEGAL_TRANSITION`) naming the move and the state.
 */
export function stateMachine<S extends string, T extends string>(code: string, noun: string, transitions: Transitions<S, T>) {
  return (current: S, transition: T): S => {
    const rule = transitions[transition];
    if (!rule.from.includes(current)) {
      throw new DomainError(code, `cannot ${transition} a ${noun} that is ${current}`, 'conflict');
    }
    return rule.to;
  };
}
