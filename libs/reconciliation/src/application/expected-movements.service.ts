import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ExpectedMovement, partyKey, referenceKey } from '../domain/matching';
import { insertExpectedMovement } from '../infrastructure/expected-movement.repository';

/**
 * What a bank awaits on its statements: each payment the platform instructs or awaits is
 * recorded, in the bank's scope, as an expected movement the rules then match lines to.
 */
@Injectable()
export class ExpectedMovementsService {
  /** Records, in the bank's transaction `em`, what should appear on its statement; the same end-to-end id once. */
  async expect(m: ExpectedMovement, em: EntityManager): Promise<void> {
    await insertExpectedMovement(em, {
      ...m,
      id: randomUUID(),
      reference: referenceKey(m.reference ?? m.endToEndId),
      counterpartyKey: partyKey(m.counterparty),
    });
  }
}
