import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '@caravan/audit';
import type { Actor } from '@caravan/access';
import { THRESHOLDS, throttleKeys } from '../domain/login-throttle';
import { assertStrongPassword } from '../domain/password-policy';
import { lockedFor, recordFailure } from '../infrastructure/login-throttles';
import { hashPassword, verifyPassword } from '../infrastructure/password-hasher';
import { findOpenReset, insertReset, useReset } from '../infrastructure/password-reset.repository';
import { UserEntity } from '../infrastructure/user.entity';
import { PASSWORD_GATE } from './password-gate';
import { Sessions } from './sessions';
import { AuthErrors, IdentityErrors } from '../domain/identity.errors';

const RESET_MINUTES = 30;
const notFound = () => IdentityErrors.USER_NOT_FOUND('user not found');
const digest = (code: string) => createHash('sha256').update(code).digest('hex');

/**
 * A person's account over its life. Deactivating, a new password and "sign out everywhere"
 * raise the session version, so every token issued before stops working within seconds.
 * A reset hands the operator's admin a one-time code for the person (never a password); the
 * person sets their own password with it.
 */
@Injectable()
export class Accounts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly sessions: Sessions,
  ) {}

  deactivate(admin: Actor, organisationId: string, userId: string): Promise<UserEntity> {
    return this.change(admin, organisationId, userId, 'user.deactivate', (user) => ({
      active: false,
      sessionVersion: user.sessionVersion + 1,
    }));
  }

  reactivate(admin: Actor, organisationId: string, userId: string): Promise<UserEntity> {
    return this.change(admin, organisationId, userId, 'user.reactivate', () => ({ active: true }));
  }

  /** Every session of the caller ends: tokens issued before stop working within seconds. */
  async signOutEverywhere(actor: Actor): Promise<void> {
    await this.change(actor, actor.organisationId, actor.userId, 'user.sign-out-everywhere', (user) => ({
      sessionVersion: user.sessionVersion + 1,
    }));
  }

  async changePassword(actor: Actor, current: string, next: string): Promise<void> {
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: actor.userId });
    if (!(await PASSWORD_GATE.run(() => verifyPassword(current, user.passwordHash)))) {
      throw IdentityErrors.WRONG_PASSWORD('the current password is wrong', 'currentPassword');
    }
    assertStrongPassword(next, [user.email, user.displayName]);
    const passwordHash = await PASSWORD_GATE.run(() => hashPassword(next));
    await this.change(actor, user.organisationId, user.id, 'user.password.change', (u) => ({
      passwordHash,
      passwordChangedAt: new Date(),
      sessionVersion: u.sessionVersion + 1,
    }));
  }

  /** The operator's admin starts a reset: a one-time code for the person, valid half an hour. */
  async startReset(admin: Actor, organisationId: string, userId: string): Promise<{ code: string; expiresAt: Date }> {
    const code = randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + RESET_MINUTES * 60_000);
    await this.dataSource.transaction(async (em) => {
      const user = await this.findIn(em, organisationId, userId);
      if (user.ssoSubject !== null)
        throw IdentityErrors.SIGNS_IN_THROUGH_PROVIDER('this person signs in through their bank’s provider and has no password here');
      await insertReset(em, userId, digest(code), expiresAt, admin.userId);
      await this.audit.record(em, {
        actor: admin,
        action: 'user.password.reset-start',
        entityType: 'user',
        entityId: userId,
        after: { expiresAt },
      });
    });
    return { code, expiresAt };
  }

  /** The person sets a new password with the code; throttled as a login is, the code used once. */
  async completeReset(email: string, code: string, next: string, address: string): Promise<void> {
    const keys = throttleKeys(email, address);
    if ((await lockedFor(this.dataSource.manager, [keys.account, keys.address])) > 0) throw tooMany();
    const refused = async () => {
      await recordFailure(this.dataSource.manager, keys.account, THRESHOLDS.account);
      await recordFailure(this.dataSource.manager, keys.address, THRESHOLDS.address);
      return IdentityErrors.RESET_REFUSED('the code is wrong, used or expired', 'code');
    };
    const reset = await findOpenReset(this.dataSource.manager, digest(code), email.toLowerCase());
    if (!reset) throw await refused();
    assertStrongPassword(next, [reset.email, reset.displayName]);
    const passwordHash = await PASSWORD_GATE.run(() => hashPassword(next));
    await this.dataSource.transaction(async (em) => {
      if (!(await useReset(em, reset.id))) throw await refused();
      await this.changeWithin(em, reset.userId, 'user.password.reset', reset.email, (u) => ({
        passwordHash,
        passwordChangedAt: new Date(),
        sessionVersion: u.sessionVersion + 1,
      }));
    });
  }

  private change(
    actor: Actor,
    organisationId: string,
    userId: string,
    action: string,
    edit: (user: UserEntity) => Partial<UserEntity>,
  ): Promise<UserEntity> {
    return this.dataSource.transaction(async (em) => {
      await this.findIn(em, organisationId, userId);
      return this.changeWithin(em, userId, action, actor, edit);
    });
  }

  private async changeWithin(
    em: EntityManager,
    userId: string,
    action: string,
    actor: Actor | string,
    edit: (user: UserEntity) => Partial<UserEntity>,
  ): Promise<UserEntity> {
    const user = await em.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw notFound();
    const change = edit(user);
    await em.update(UserEntity, { id: userId }, change);
    const visible = (u: UserEntity) => ({ active: u.active, sessionVersion: u.sessionVersion, passwordChanged: u.passwordChangedAt });
    const after = { ...user, ...change };
    await this.audit.record(em, { actor, action, entityType: 'user', entityId: userId, before: visible(user), after: visible(after) });
    this.sessions.forget(userId);
    return after;
  }

  private async findIn(em: EntityManager, organisationId: string, userId: string): Promise<UserEntity> {
    const user = await em.findOneBy(UserEntity, { id: userId, organisationId });
    if (!user) throw notFound();
    return user;
  }
}

export const tooMany = (seconds?: number) =>
  AuthErrors.TOO_MANY_ATTEMPTS(`too many failed attempts: try again${seconds ? ` in ${seconds} s` : ' later'}`);
