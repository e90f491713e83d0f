import type Decimal from 'decimal.js';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { numericTransformer } from '@caravan/money';
import type { Role } from '@caravan/access';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId: string;

  /** Stored lower-case; unique across the platform. */
  @Column('text')
  email: string;

  @Column('text', { name: 'display_name' })
  displayName: string;

  @Column('text', { name: 'password_hash' })
  passwordHash: string;

  @Column('text', { array: true })
  roles: Role[];

  /** The largest financing an approver may approve (CNY); null for everyone else. */
  @Column('numeric', { name: 'approval_authority', precision: 20, scale: 2, nullable: true, transformer: numericTransformer })
  approvalAuthority: Decimal | null;

  @Column('boolean')
  active: boolean;

  /** Raised to end every session: a token of an older version is refused. */
  @Column('integer', { name: 'session_version', default: 0 })
  sessionVersion: number;

  @Column('timestamptz', { name: 'password_changed_at', nullable: true })
  passwordChangedAt: Date | null;

  /** The one-time codes' seed, sealed (secret-box.ts); null until a second factor is enrolled. */
  @Column('text', { name: 'totp_seed', nullable: true })
  totpSeed: string | null;

  @Column('text', { name: 'totp_pending_seed', nullable: true })
  totpPendingSeed: string | null;

  @Column('timestamptz', { name: 'totp_enabled_at', nullable: true })
  totpEnabledAt: Date | null;

  /** The time step of the last code taken: a code is used once. */
  @Column('bigint', { name: 'totp_last_step', nullable: true })
  totpLastStep: string | null;

  /** The provider identity a bank officer signs in as (single sign-on); null for a password account. */
  @Column('text', { name: 'sso_issuer', nullable: true })
  ssoIssuer: string | null;

  @Column('text', { name: 'sso_subject', nullable: true })
  ssoSubject: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
