import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@caravan/access';
import { AssetType, PledgeableAsset } from '@caravan/registry';
import { WarehouseReceiptsService } from '../application/warehouse-receipts.service';

/** Receipts as the pledge registry sees them: issued (not split, released or cancelled) ones can be pledged. */
@Injectable()
export class WarehouseReceiptPledges extends PledgeableAsset {
  readonly type = AssetType.WAREHOUSE_RECEIPT;

  constructor(private readonly receipts: WarehouseReceiptsService) {
    super();
  }

  ownerOf(em: EntityManager, assetId: string): Promise<string | undefined> {
    return this.receipts.holderOf(em, assetId);
  }

  async pledge(em: EntityManager, assetId: string, actor: Actor): Promise<void> {
    await this.receipts.move(em, assetId, { kind: 'all' }, actor, 'pledge');
  }

  async discharge(em: EntityManager, assetId: string, actor: Actor): Promise<void> {
    await this.receipts.move(em, assetId, { kind: 'all' }, actor, 'discharge');
  }
}
