import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { generateSecret, generateURI, verifySync } from 'otplib';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '@caravan/audit';
import type { Actor } from '@caravan/access';
import { open, seal } from '../infrastructure/secret-box';
import { UserEntity } from '../infrastructure/user.entity';
import { takeTimeStep } from '../infrastructure/user.repository';
import { Sessions } from './sessions';
import { AuthErrors, IdentityErrors } from '../domain/identity.errors';

/** A code a step (30 s) early or late still counts: phones' clocks drift. */
const TOLERANCE_SECONDS = 30;

const invalid = () => AuthErrors.INVALID_OTP('the one-time code is wrong or was used', 'otp');

/**
 * Time-based one-time codes (RFC 6238, by otplib) as a second factor: a person enrols by
 * scanning a seed into an authenticator app and confirming a first code; each code is taken
 * once. Required for the roles of AUTH_SECOND_FACTOR_ROLES, open to anyone.
 */
@Injectable()
export class SecondFactors {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly sessions: Sessions,
  ) {}

  /** A new seed, kept apart until confirmed: the authenticator app reads the URI (a QR code). */
  async start(actor: Actor): Promise<{ secret: string; uri: string }> {
    const secret = generateSecret();
    await this.dataSource.getRepository(UserEntity).update({ id: actor.userId }, { totpPendingSeed: seal(secret, this.sessions.keys()) });
    return { secret, uri: generateURI({ issuer: 'Caravan', label: actor.email, secret }) };
  }

  /** The first code confirms the seed; every earlier session ends, so the next sign-in asks for a code. */
  async confirm(actor: Actor, code: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const user = await em.findOne(UserEntity, { where: { id: actor.userId }, lock: { mode: 'pessimistic_write' } });
      const pending = user?.totpPendingSeed && open(user.totpPendingSeed, this.sessions.keys());
      if (!user || !pending) throw AuthErrors.NO_ENROLMENT('start the enrolment first');
      const step = this.check(pending.plain, code, null);
      await em.update(
        UserEntity,
        { id: user.id },
        {
          totpSeed: user.totpPendingSeed,
          totpPendingSeed: null,
          totpEnabledAt: new Date(),
          totpLastStep: String(step),
          sessionVersion: user.sessionVersion + 1,
        },
      );
      await this.audit.record(em, { actor, action: 'user.second-factor.enrol', entityType: 'user', entityId: user.id });
    });
    this.sessions.forget(actor.userId);
  }

  /** At sign-in: the code checked against the seed, taken once; the seed sealed again after a key rotation. */
  async verify(em: EntityManager, user: UserEntity, code: string): Promise<void> {
    const seed = user.totpSeed && open(user.totpSeed, this.sessions.keys());
    if (!seed) throw invalid();
    const step = this.check(seed.plain, code, user.totpLastStep);
    const taken = await takeTimeStep(em, user.id, step, seed.stale ? seal(seed.plain, this.sessions.keys()) : user.totpSeed);
    if (!taken) throw invalid(); // another sign-in took this code a moment ago
  }

  /** The operator's admin clears a lost second factor: the person enrols again at their next sign-in. */
  async reset(admin: Actor, organisationId: string, userId: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const user = await em.findOne(UserEntity, { where: { id: userId, organisationId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw IdentityErrors.USER_NOT_FOUND('user not found');
      await em.update(
        UserEntity,
        { id: userId },
        { totpSeed: null, totpPendingSeed: null, totpEnabledAt: null, totpLastStep: null, sessionVersion: user.sessionVersion + 1 },
      );
      await this.audit.record(em, { actor: admin, action: 'user.second-factor.reset', entityType: 'user', entityId: userId });
    });
    this.sessions.forget(userId);
  }

  private check(secret: string, code: string, lastStep: string | null): number {
    const result = verifySync({
      secret,
      token: code,
      epochTolerance: TOLERANCE_SECONDS,
      ...(lastStep === null ? {} : { afterTimeStep: Number(lastStep) }),
    });
    if (!result.valid) throw invalid();
    return (result as typeof result & { timeStep: number }).timeStep; // a TOTP result (otplib's default strategy)
  }
}
