import type { EntityManager } from 'typeorm';
import type { Actor } from '@caravan/access';
import type { AssetType } from '../domain/pledge';

/**
 * What the registry needs of each kind of asset, inside the registry's own transaction: the
 * asset's owner, and its move to and from PLEDGED by its own state machine (which refuses
 * an asset that is not pledgeable: an unconfirmed receivable, a split receipt).
 */
export abstract class PledgeableAsset {
  abstract readonly type: AssetType;
  /** The owner, or undefined when there is no such asset. */
  abstract ownerOf(em: EntityManager, assetId: string): Promise<string | undefined>;
  abstract pledge(em: EntityManager, assetId: string, actor: Actor): Promise<void>;
  abstract discharge(em: EntityManager, assetId: string, actor: Actor): Promise<void>;
}

/** Injection token for the list of every PledgeableAsset. */
export const PLEDGEABLE_ASSETS = Symbol('PLEDGEABLE_ASSETS');
