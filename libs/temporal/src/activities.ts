import { DomainError } from '@caravan/errors';
import { toApplicationFailure } from './failures';

type Activity = (...args: never[]) => Promise<unknown>;

/**
 * Turns a Nest provider's public methods into Temporal activities. A DomainError becomes a
 * non-retryable ApplicationFailure: retrying a business refusal cannot change the answer.
 */
export function activitiesOf(provider: object): Record<string, Activity> {
  const prototype = Object.getPrototypeOf(provider) as Record<string, unknown>;
  const names = Object.getOwnPropertyNames(prototype).filter((name) => name !== 'constructor' && typeof prototype[name] === 'function');
  return Object.fromEntries(
    names.map((name) => {
      const method = (prototype[name] as (...args: unknown[]) => Promise<unknown>).bind(provider);
      const activity = async (...args: unknown[]) => {
        try {
          return await method(...args);
        } catch (e) {
          throw e instanceof DomainError ? toApplicationFailure(e) : e;
        }
      };
      return [name, activity as Activity];
    }),
  );
}
