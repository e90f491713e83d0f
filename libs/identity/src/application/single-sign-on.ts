import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@caravan/config';
import { AuditLog } from '@caravan/audit';
import { DualControl } from '@caravan/dual-control';
import type { DualControlRequest } from '@caravan/dual-control';
import { Money } from '@caravan/money';
import type { Actor } from '@caravan/access';
import { OrganisationKind, Role } from '@caravan/access';
import { needsSecondFactor, rolesNeedingSecondFactor, type Method } from '../domain/second-factor';
import { assertSoundSettings, rolesOf, SingleSignOnSettings, SSO_ERRORS, usedMultiFactor } from '../domain/single-sign-on';
import { authorizationUrl, exchangeCode, newFlowChecks, ProvidedIdentity } from '../infrastructure/openid-connect';
import { OrganisationEntity } from '../infrastructure/organisation.entity';
import { open, seal } from '../infrastructure/secret-box';
import {
  findProviders,
  findSettings,
  insertAttempt,
  saveSettings,
  StoredSettings,
  takeAttempt,
} from '../infrastructure/single-sign-on.repository';
import { UserEntity } from '../infrastructure/user.entity';
import { AccessToken, Sessions } from './sessions';
import { AuthErrors, IdentityErrors } from '../domain/identity.errors';

export const SSO_CHANGE = 'identity.single-sign-on';
const ATTEMPT_SECONDS = 600;
/** Not a hash: no password opens an account that signs in through its bank. */
const NO_PASSWORD = '!single-sign-on';

type Proposal = SingleSignOnSettings & { clientSecret: string | null };

/**
 * Banks' officers signing in through their bank's own OpenID Connect provider. Two operator
 * admins set a bank's provider and the roles its groups hold (a change of who may approve and
 * pay is never one person's). At each sign-in the provider says who the person is and which
 * groups they are in; Caravan finds them by the provider's subject within that bank (never by
 * e-mail across banks), gives them the roles their groups hold now, and ends older sessions
 * when those changed.
 */
@Injectable()
export class SingleSignOn implements OnModuleInit {
  private readonly logger = new Logger('SingleSignOn');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly sessions: Sessions,
    private readonly dualControl: DualControl,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.dualControl.register({
      kind: SSO_CHANGE,
      makers: [Role.ADMIN],
      checkers: [Role.ADMIN],
      apply: (em, request, checker) => this.apply(em, request, checker),
    });
  }

  /** An admin proposes a bank's settings; they take effect when a second admin approves. */
  async propose(
    admin: Actor,
    organisationId: string,
    settings: SingleSignOnSettings & { clientSecret?: string },
    reason?: string,
  ): Promise<DualControlRequest> {
    const organisation = await this.dataSource.getRepository(OrganisationEntity).findOneBy({ id: organisationId });
    if (!organisation) throw IdentityErrors.ORGANISATION_NOT_FOUND('organisation not found');
    assertSoundSettings(organisation.kind, settings);
    const { clientSecret, ...rest } = settings;
    // the secret travels in the request sealed: whoever reads the request does not learn it
    const payload: Proposal = {
      ...rest,
      clientSecret: clientSecret ? seal(clientSecret, this.sessions.keys(), 'provider client secret') : null,
    };
    return this.dualControl.request(admin, SSO_CHANGE, organisationId, payload, reason);
  }

  private async apply(em: EntityManager, request: DualControlRequest<Proposal>, checker: Actor): Promise<object> {
    const saved = await saveSettings(em, { organisationId: request.subject, ...request.payload }, checker.userId);
    const { clientSecret: _, ...visible } = saved;
    await this.audit.record(em, {
      actor: checker,
      action: 'organisation.single-sign-on',
      entityType: 'organisation',
      entityId: request.subject,
      after: visible,
    });
    return { version: saved.version };
  }

  async settings(organisationId: string): Promise<Omit<StoredSettings, 'clientSecret'> & { hasClientSecret: boolean }> {
    const stored = await findSettings(this.dataSource.manager, organisationId);
    if (!stored) throw SSO_ERRORS.notConfigured();
    const { clientSecret, ...visible } = stored;
    return { ...visible, hasClientSecret: clientSecret !== null };
  }

  providers(): Promise<Array<{ organisationId: string; name: string }>> {
    return findProviders(this.dataSource.manager);
  }

  /** A sign-in begins: the provider's address, bound to a state, a nonce and a PKCE verifier kept here. */
  async start(organisationId: string, redirectUri: string): Promise<{ authorizationUrl: string }> {
    const settings = await findSettings(this.dataSource.manager, organisationId);
    if (!settings) throw SSO_ERRORS.notConfigured();
    if (!settings.redirectUris.includes(redirectUri)) throw SSO_ERRORS.redirectNotRegistered();
    const checks = newFlowChecks();
    const url = await authorizationUrl(this.registration(settings), redirectUri, settings.scope, checks).catch((e: unknown) => {
      this.logger.warn({ msg: 'provider unreachable', organisationId, issuer: settings.issuer, err: String(e) });
      throw AuthErrors.SSO_PROVIDER_UNAVAILABLE('your bank’s sign-in cannot be reached: try again later');
    });
    await insertAttempt(this.dataSource.manager, { ...checks, organisationId, redirectUri }, ATTEMPT_SECONDS);
    return { authorizationUrl: url };
  }

  /** The browser is back with the provider's answer (the query string it landed on): a session, or a refusal. */
  async complete(query: string): Promise<AccessToken> {
    const params = new URLSearchParams(query.replace(/^\?/, ''));
    const attempt = params.get('state') ? await takeAttempt(this.dataSource.manager, params.get('state')!) : undefined;
    const settings = attempt && (await findSettings(this.dataSource.manager, attempt.organisationId));
    if (!attempt || !settings) throw SSO_ERRORS.failed();
    const callback = new URL(attempt.redirectUri);
    params.forEach((value, name) => callback.searchParams.set(name, value));
    const identity = await exchangeCode(this.registration(settings), callback, attempt, settings.groupsClaim).catch((e: unknown) => {
      this.logger.warn({ msg: 'sign-in through the provider refused', organisationId: settings.organisationId, err: String(e) });
      throw SSO_ERRORS.failed();
    });
    const methods: Method[] = usedMultiFactor(identity.amr) ? ['fed', 'mfa'] : ['fed'];
    const user = await this.dataSource.transaction((em) => this.personOf(em, settings, identity, methods));
    this.sessions.forget(user.id);
    // settings exist only for banks (assertSoundSettings)
    const actor: Actor = {
      userId: user.id,
      email: user.email,
      organisationId: settings.organisationId,
      organisationKind: OrganisationKind.BANK,
      roles: user.roles,
    };
    return this.sessions.issue(actor, user.sessionVersion, methods);
  }

  private registration(settings: StoredSettings) {
    const secret =
      settings.clientSecret === null ? null : open(settings.clientSecret, this.sessions.keys(), 'provider client secret')?.plain;
    if (secret === undefined) throw SSO_ERRORS.failed(); // sealed under a secret no longer configured
    return { issuer: settings.issuer, clientId: settings.clientId, clientSecret: secret };
  }

  /** The person the provider vouches for, within this bank: found by subject, else linked or created; roles as their groups say now. */
  private async personOf(em: EntityManager, settings: StoredSettings, identity: ProvidedIdentity, methods: Method[]): Promise<UserEntity> {
    const granted = rolesOf(settings, identity.groups);
    const { roles, approvalAuthority } = granted;
    if (roles.length === 0) throw SSO_ERRORS.noRole();
    if (needsSecondFactor(roles, rolesNeedingSecondFactor(this.config.AUTH_SECOND_FACTOR_ROLES)) && !methods.includes('mfa'))
      throw SSO_ERRORS.multiFactorRequired();
    const users = em.getRepository(UserEntity);
    const known =
      (await users.findOne({
        where: { organisationId: settings.organisationId, ssoIssuer: settings.issuer, ssoSubject: identity.subject },
        lock: { mode: 'pessimistic_write' },
      })) ?? (await this.link(em, settings, identity, granted));
    if (!known.active) throw SSO_ERRORS.failed();
    const authority = approvalAuthority === null ? null : Money.of(approvalAuthority).amount;
    const unchanged =
      known.roles.join() === roles.join() && String(known.approvalAuthority?.toFixed(2) ?? null) === String(approvalAuthority);
    if (unchanged) return known;
    // roles changed at the bank: sessions issued under the old ones end
    const changed = { roles, approvalAuthority: authority, sessionVersion: known.sessionVersion + 1 };
    await users.update({ id: known.id }, changed);
    await this.audit.record(em, {
      actor: `system:single-sign-on`,
      action: 'user.roles.from-provider',
      entityType: 'user',
      entityId: known.id,
      before: { roles: known.roles, approvalAuthority: known.approvalAuthority },
      after: { roles, approvalAuthority },
    });
    return Object.assign(known, changed);
  }

  /**
   * A first sign-in: an account of this bank with the provider's verified e-mail is linked
   * (its password and the sessions it opened stop working), or one is created; an e-mail of another organisation's
   * account is refused, so one bank's provider never signs anyone into another's.
   */
  private async link(
    em: EntityManager,
    settings: StoredSettings,
    identity: ProvidedIdentity,
    granted: ReturnType<typeof rolesOf>,
  ): Promise<UserEntity> {
    if (!identity.email || !identity.emailVerified) throw SSO_ERRORS.emailUnverified();
    const users = em.getRepository(UserEntity);
    const existing = await users.findOne({ where: { email: identity.email }, lock: { mode: 'pessimistic_write' } });
    if (existing && (existing.organisationId !== settings.organisationId || existing.ssoSubject !== null)) throw SSO_ERRORS.emailTaken();
    const identityColumns = { ssoIssuer: settings.issuer, ssoSubject: identity.subject, passwordHash: NO_PASSWORD };
    if (existing) {
      // the sessions its password opened end with it
      const linked = { ...identityColumns, sessionVersion: existing.sessionVersion + 1 };
      await users.update({ id: existing.id }, linked);
      await this.audit.record(em, {
        actor: 'system:single-sign-on',
        action: 'user.link-provider',
        entityType: 'user',
        entityId: existing.id,
        after: { issuer: settings.issuer, subject: identity.subject },
      });
      return Object.assign(existing, linked);
    }
    const user = Object.assign(new UserEntity(), {
      id: randomUUID(),
      organisationId: settings.organisationId,
      email: identity.email,
      displayName: identity.name ?? identity.email,
      roles: granted.roles,
      approvalAuthority: granted.approvalAuthority === null ? null : Money.of(granted.approvalAuthority).amount,
      active: true,
      sessionVersion: 0,
      createdAt: new Date(),
      ...identityColumns,
    });
    await users.insert(user);
    const { passwordHash: _, ...visible } = user;
    await this.audit.record(em, {
      actor: 'system:single-sign-on',
      action: 'user.add',
      entityType: 'user',
      entityId: user.id,
      after: visible,
    });
    return user;
  }
}
