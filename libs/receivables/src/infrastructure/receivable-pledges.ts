import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@caravan/access';
import { AssetType, PledgeableAsset } from '@caravan/registry';
import { ReceivableRepository } from '../application/ports';
import { applyTransition } from '../domain/receivable';

/** Receivables as the pledge registry sees them: confirmed ones can be pledged. */
@Injectable()
export class ReceivablePledges extends PledgeableAsset {
  readonly type = AssetType.RECEIVABLE;

  constructor(private readonly receivables: ReceivableRepository) {
    super();
  }

  ownerOf(em: EntityManager, assetId: string): Promise<string | undefined> {
    return this.receivables.creditorOf(em, assetId);
  }

  async pledge(em: EntityManager, assetId: string, actor: Actor): Promise<void> {
    await this.move(em, assetId, actor, 'pledge');
  }

  async discharge(em: EntityManager, assetId: string, actor: Actor): Promise<void> {
    await this.move(em, assetId, actor, 'discharge');
  }

  private move(em: EntityManager, id: string, actor: Actor, transition: 'pledge' | 'discharge') {
    return this.receivables.change(
      id,
      { kind: 'all' },
      { action: `receivable.${transition}`, actor },
      (current) => applyTransition(current, transition, new Date()),
      undefined,
      em,
    );
  }
}
