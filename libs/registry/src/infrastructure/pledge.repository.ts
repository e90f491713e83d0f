import type { EntityManager } from 'typeorm';
import type { AssetType } from '../domain/pledge';

/** What anyone may learn of an asset's live pledge: to which bank, since when. */
export interface PublicPledge {
  pledgeeId: string;
  pledgeeName: string;
  since: Date;
}

export async function findPublicPledge(em: EntityManager, assetType: AssetType, assetId: string): Promise<PublicPledge | undefined> {
  const [live] = await em.query(
    `SELECT p.pledgee_id, o.name, p.pledged_at FROM pledges p JOIN organisations o ON o.id = p.pledgee_id
      WHERE p.asset_type = $1 AND p.asset_id = $2 AND p.status = 'LIVE'`,
    [assetType, assetId],
  );
  return live && { pledgeeId: live.pledgee_id, pledgeeName: live.name, since: live.pledged_at };
}
