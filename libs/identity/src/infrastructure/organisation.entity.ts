import { Column, Entity, PrimaryColumn } from 'typeorm';
import { OrganisationKind } from '@caravan/access';

@Entity({ name: 'organisations' })
export class OrganisationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  kind: OrganisationKind;

  @Column('text')
  name: string;

  /** 统一社会信用代码, the 18-character unified social credit code. */
  @Column('text', { name: 'credit_code' })
  creditCode: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
