import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ScopedDatabase } from '@caravan/database';
import { DualControl } from '@caravan/dual-control';
import type { DualControlRequest } from '@caravan/dual-control';
import { Actor, actorName, dataScopeOf, OrganisationKind, Role, systemActor } from '@caravan/access';
import { OrganisationDirectory } from '@caravan/identity';
import { Dec } from '@caravan/money';
import { assertSoundTiers } from '../domain/approval';
import { PRODUCT_NAMES, productProblems } from '../domain/products';
import { currentVersion, insertVersion, listVersions } from '../infrastructure/policy-versions';
import { DEFAULT_POLICY, DEFAULT_VERSION, FinancingPolicy, PolicyVersion } from './financing-policy';
import { FinancingErrors } from '../domain/financing.errors';

export const POLICY_CHANGE = 'financing.policy';

interface Proposal {
  policy: FinancingPolicy;
  effectiveFrom?: string;
}

/**
 * A bank's rules for financings addressed to it, as versions: a maker proposes, an approver
 * (another person) adopts it, and it is in force from its effective time on. A financing
 * keeps the version it started under.
 */
@Injectable()
export class FinancingPolicies implements OnModuleInit {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly dualControl: DualControl,
    private readonly organisations: OrganisationDirectory,
  ) {}

  onModuleInit(): void {
    this.dualControl.register({
      kind: POLICY_CHANGE,
      makers: [Role.CREDIT_OFFICER, Role.APPROVER],
      checkers: [Role.APPROVER],
      apply: (em, request: DualControlRequest<Proposal>, checker) => this.adopt(em, request, checker),
    });
  }

  /** The bank's policy in force, read for the bank whatever the caller (an SME's trial reads its pricing). */
  inForce(bankId: string): Promise<PolicyVersion> {
    return this.db.transaction(
      dataScopeOf(systemActor('system:financing-policy', bankId)),
      async (em) => (await currentVersion(em)) ?? DEFAULT_VERSION,
    );
  }

  /**
   * A bank's products as an SME may apply for them (price, conventions, choices, rate bounds),
   * with the policy version they come from; anything that is not a bank is not found, and a
   * bank's people read their own bank's only (another bank's price list is not theirs to read).
   */
  async products(actor: Actor, bankId: string): Promise<Pick<PolicyVersion, 'version' | 'effectiveFrom' | 'pricing'>> {
    const ownBank = actor.organisationKind !== OrganisationKind.BANK || actor.organisationId === bankId;
    if (!ownBank || (await this.organisations.kindOf(bankId)) !== OrganisationKind.BANK)
      throw FinancingErrors.BANK_NOT_FOUND(`no bank ${bankId}`, 'bankId');
    const { version, effectiveFrom, pricing } = await this.inForce(bankId);
    return { version, effectiveFrom, pricing };
  }

  /** What the caller's bank has in force. */
  current(actor: Actor): Promise<PolicyVersion> {
    return this.inForce(actor.organisationId);
  }

  versions(actor: Actor, limit: number, offset: number): Promise<[PolicyVersion[], number]> {
    return this.db.transaction(dataScopeOf(actor), (em) => listVersions(em, limit, offset));
  }

  /** A maker proposes; nothing changes until a second person approves the request. */
  propose(actor: Actor, policy: FinancingPolicy, effectiveFrom?: string): Promise<DualControlRequest<Proposal>> {
    assertSoundPolicy(policy);
    const proposal: Proposal = {
      policy: { ...policy, allocationOrder: policy.allocationOrder ?? DEFAULT_POLICY.allocationOrder },
      effectiveFrom,
    };
    return this.dualControl.request(actor, POLICY_CHANGE, 'financing-policy', proposal, `policy from ${effectiveFrom ?? 'approval'}`);
  }

  private async adopt(em: EntityManager, request: DualControlRequest<Proposal>, checker: Actor): Promise<PolicyVersion> {
    assertSoundPolicy(request.payload.policy);
    return insertVersion(em, request.payload.policy, {
      effectiveFrom: request.payload.effectiveFrom,
      proposedBy: request.requestedByName,
      approvedBy: actorName(checker),
      requestId: request.id,
    });
  }
}

function assertSoundPolicy(policy: FinancingPolicy): void {
  assertSoundTiers(policy.tiers);
  if (new Dec(policy.maintenanceLtv).lessThan(policy.maxLtv)) {
    throw FinancingErrors.MAINTENANCE_BELOW_LTV('the maintenance line must not be below the LTV line', 'maintenanceLtv');
  }
  // every product the bank offers must be one the calculator can price, within its rate bounds
  for (const product of PRODUCT_NAMES) {
    const [problem] = productProblems(product, policy.pricing[product]);
    if (problem) throw problem;
  }
}
