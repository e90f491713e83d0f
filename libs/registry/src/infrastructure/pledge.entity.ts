import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AssetType, PledgeStatus } from '../domain/pledge';

@Entity({ name: 'pledges' })
export class PledgeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'asset_type' })
  assetType: AssetType;

  @Column('uuid', { name: 'asset_id' })
  assetId: string;

  @Column('uuid', { name: 'pledgee_id' })
  pledgeeId: string;

  @Column('uuid', { name: 'pledgor_id' })
  pledgorId: string;

  @Column('text', { name: 'financing_ref' })
  financingRef: string;

  @Column('text')
  status: PledgeStatus;

  @Column('timestamptz', { name: 'pledged_at' })
  pledgedAt: Date;

  @Column('uuid', { name: 'pledged_by' })
  pledgedBy: string;

  @Column('timestamptz', { name: 'discharged_at', nullable: true })
  dischargedAt: Date | null;

  @Column('uuid', { name: 'discharged_by', nullable: true })
  dischargedBy: string | null;
}
