import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditLog } from '@caravan/audit';
import { orOnDuplicate } from '@caravan/database';
import { DomainError } from '@caravan/errors';
import { Money } from '@caravan/money';
import type { Actor } from '@caravan/access';
import { THRESHOLDS, throttleKeys } from '../domain/login-throttle';
import { assertRolesFitKind, OrganisationKind, Role } from '@caravan/access';
import { assertStrongPassword } from '../domain/password-policy';
import { clearFailures, lockedFor, recordFailure } from '../infrastructure/login-throttles';
import { OrganisationEntity } from '../infrastructure/organisation.entity';
import { hashPassword, verifyPassword } from '../infrastructure/password-hasher';
import { UserEntity } from '../infrastructure/user.entity';
import { anyAdmin } from '../infrastructure/user.repository';
import { OrganisationDirectory } from './organisation-directory';
import { PASSWORD_GATE } from './password-gate';
import { SecondFactors } from './second-factors';
import { AccessToken, Sessions } from './sessions';
import { AuthErrors, IdentityErrors } from '../domain/identity.errors';

export interface NewOrganisation {
  kind: OrganisationKind;
  name: string;
  creditCode: string;
}

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  roles: Role[];
  approvalAuthority?: string;
}

const OPERATOR_CREDIT_CODE = '91650000MA7PLATFM1';
// Verified against when the e-mail is unknown, so both failures take as long.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

@Injectable()
export class IdentityService extends OrganisationDirectory {
  private readonly logger = new Logger('Identity');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly sessions: Sessions,
    private readonly secondFactors: SecondFactors,
  ) {
    super();
  }

  /**
   * A sign-in, slowed for a guesser: an account or an address with too many failures is
   * refused before any hash is computed (429), and hashes run a few at a time.
   */
  async login(email: string, password: string, address: string, otp?: string): Promise<AccessToken> {
    const keys = throttleKeys(email, address);
    const em = this.dataSource.manager;
    const wait = await lockedFor(em, [keys.account, keys.address]);
    if (wait > 0) throw AuthErrors.TOO_MANY_ATTEMPTS(`too many failed attempts: try again in ${wait} s`);
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email: email.toLowerCase() });
    const valid = await PASSWORD_GATE.run(() => verifyPassword(password, user?.passwordHash ?? DUMMY_HASH));
    const organisation = user && (await this.dataSource.getRepository(OrganisationEntity).findOneBy({ id: user.organisationId }));
    if (!user || !valid || !user.active || !organisation) {
      await recordFailure(em, keys.account, THRESHOLDS.account);
      await recordFailure(em, keys.address, THRESHOLDS.address);
      throw AuthErrors.INVALID_CREDENTIALS('e-mail or password is wrong');
    }
    if (user.totpEnabledAt) {
      // the password was right: asking for the code tells a guesser no more than a success would
      if (!otp) throw AuthErrors.OTP_REQUIRED('enter the one-time code of your authenticator app', 'otp');
      await this.secondFactors.verify(em, user, otp).catch(async (e: unknown) => {
        await recordFailure(em, keys.account, THRESHOLDS.account);
        throw e;
      });
    }
    await clearFailures(em, keys.account);
    const actor: Actor = {
      userId: user.id,
      email: user.email,
      organisationId: organisation.id,
      organisationKind: organisation.kind,
      roles: user.roles,
    };
    return this.sessions.issue(actor, user.sessionVersion, user.totpEnabledAt ? ['pwd', 'otp'] : ['pwd']);
  }

  async kindOf(organisationId: string): Promise<OrganisationKind | undefined> {
    return (await this.dataSource.getRepository(OrganisationEntity).findOneBy({ id: organisationId }))?.kind;
  }

  async idsOfKind(kind: OrganisationKind): Promise<string[]> {
    return (
      await this.dataSource.getRepository(OrganisationEntity).find({ select: { id: true }, where: { kind }, order: { id: 'ASC' } })
    ).map((o) => o.id);
  }

  async onboardOrganisation(actor: Actor | string, input: NewOrganisation): Promise<OrganisationEntity> {
    return this.dataSource.transaction(async (em) => {
      const organisation = Object.assign(new OrganisationEntity(), { id: randomUUID(), ...input, createdAt: new Date() });
      await orOnDuplicate(
        () => em.insert(OrganisationEntity, organisation),
        () => IdentityErrors.DUPLICATE_CREDIT_CODE('an organisation with this credit code exists', 'creditCode'),
      );
      await this.audit.record(em, {
        actor,
        action: 'organisation.onboard',
        entityType: 'organisation',
        entityId: organisation.id,
        after: organisation,
      });
      return organisation;
    });
  }

  async addUser(actor: Actor | string, organisationId: string, input: NewUser): Promise<UserEntity> {
    return this.dataSource.transaction(async (em) => {
      const organisation = await em.findOneBy(OrganisationEntity, { id: organisationId });
      if (!organisation) throw IdentityErrors.ORGANISATION_NOT_FOUND('organisation not found');
      assertRolesFitKind(organisation.kind, input.roles);
      assertStrongPassword(input.password, [input.email, input.displayName]);
      if (input.approvalAuthority !== undefined && !input.roles.includes(Role.APPROVER)) {
        throw IdentityErrors.AUTHORITY_WITHOUT_APPROVER('only an approver has an approval authority', 'approvalAuthority');
      }
      const user = Object.assign(new UserEntity(), {
        id: randomUUID(),
        organisationId,
        email: input.email.toLowerCase(),
        displayName: input.displayName,
        passwordHash: await PASSWORD_GATE.run(() => hashPassword(input.password)),
        roles: input.roles,
        approvalAuthority: input.approvalAuthority === undefined ? null : Money.of(input.approvalAuthority).amount,
        active: true,
        createdAt: new Date(),
      });
      await orOnDuplicate(
        () => em.insert(UserEntity, user),
        () => IdentityErrors.DUPLICATE_EMAIL('a user with this e-mail exists', 'email'),
      );
      const { passwordHash: _, ...visible } = user;
      await this.audit.record(em, { actor, action: 'user.add', entityType: 'user', entityId: user.id, after: visible });
      return user;
    });
  }

  /**
   * Creates the platform operator and its first admin once, from the boot configuration.
   * The API and the worker may both try at the same moment: the one that loses a race on the
   * operator or the admin tries again, and so returns only once the admin exists (a conflict
   * on the admin's e-mail is reported after the winner committed).
   */
  async bootstrapAdmin(email: string, password: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      if (await anyAdmin(this.dataSource.manager)) return;
      try {
        const operator =
          (await this.dataSource.getRepository(OrganisationEntity).findOneBy({ creditCode: OPERATOR_CREDIT_CODE })) ??
          (await this.onboardOrganisation('system:bootstrap', {
            kind: OrganisationKind.OPERATOR,
            name: 'Caravan platform operator',
            creditCode: OPERATOR_CREDIT_CODE,
          }));
        await this.addUser('system:bootstrap', operator.id, { email, displayName: 'Platform admin', password, roles: [Role.ADMIN] });
        this.logger.log({ msg: 'bootstrap admin created', email });
        return;
      } catch (e) {
        if (!(e instanceof DomainError && e.kind === 'conflict') || attempt >= 3) throw e;
      }
    }
  }

  listOrganisations(kind: OrganisationKind | undefined, limit: number, offset: number): Promise<[OrganisationEntity[], number]> {
    return this.dataSource.getRepository(OrganisationEntity).findAndCount({
      where: kind ? { kind } : {},
      order: { name: 'ASC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  async organisation(id: string): Promise<OrganisationEntity> {
    const organisation = await this.dataSource.getRepository(OrganisationEntity).findOneBy({ id });
    if (!organisation) throw IdentityErrors.ORGANISATION_NOT_FOUND('organisation not found');
    return organisation;
  }

  /** Admins see everyone; others only the people of their own organisation. */
  async users(actor: Actor, organisationId: string): Promise<UserEntity[]> {
    if (!actor.roles.includes(Role.ADMIN) && actor.organisationId !== organisationId) {
      throw IdentityErrors.ORGANISATION_NOT_FOUND('organisation not found');
    }
    return this.dataSource.getRepository(UserEntity).find({ where: { organisationId }, order: { email: 'ASC' } });
  }

  async user(id: string): Promise<UserEntity> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw IdentityErrors.USER_NOT_FOUND('user not found');
    return user;
  }
}
