import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditLog } from '@caravan/audit';
import { orOnDuplicate } from '@caravan/database';
import { DomainError } from '@caravan/errors';
import type { Actor } from '@caravan/access';
import { OrganisationKind } from '@caravan/access';
import { AssetType, Pledge, PledgeStatus } from '../domain/pledge';
import { PledgeEntity } from '../infrastructure/pledge.entity';
import { findPublicPledge, PublicPledge } from '../infrastructure/pledge.repository';
import { PLEDGEABLE_ASSETS, PledgeableAsset } from './pledgeable-asset';
import { RegistryErrors } from '../domain/registry.errors';

export interface PledgeCommand {
  assetType: AssetType;
  assetId: string;
  financingRef: string;
  /** Who applied to finance the asset: it is pledged only if they hold it. */
  pledgorId: string;
}

/**
 * The registry's public answer: whether the asset is encumbered, to which bank, since when.
 * It does not say for which financing, on what terms, or the pledge's own id: those are the
 * bank's and the borrower's business, read through GET /pledges/{id} by them alone.
 */
export interface Encumbrance {
  encumbered: boolean;
  pledge?: PublicPledge;
}

/** The engine's own view, for the financing workflow's eligibility check. */
export interface LivePledge {
  id: string;
  pledgeeId: string;
  financingRef: string;
}

const notFound = () => RegistryErrors.PLEDGE_NOT_FOUND('pledge not found');

@Injectable()
export class PledgeRegistry {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    @Inject(PLEDGEABLE_ASSETS) private readonly assets: PledgeableAsset[],
  ) {}

  /**
   * Pledges an asset to the acting bank for a financing (the financing workflow is the only
   * caller: no person pledges an asset by a request of their own). The partial unique index
   * lets one live pledge exist per asset, so of any number of racing calls exactly one wins;
   * the same financing asking again gets its pledge back (the disbursement saga retries).
   */
  async pledge(actor: Actor, command: PledgeCommand): Promise<Pledge> {
    const asset = this.asset(command.assetType);
    return this.dataSource.transaction(async (em) => {
      const pledgorId = await asset.ownerOf(em, command.assetId);
      if (!pledgorId) throw RegistryErrors.ASSET_NOT_FOUND(`no ${command.assetType} ${command.assetId}`, 'assetId');
      if (pledgorId !== command.pledgorId)
        throw RegistryErrors.NOT_THE_HOLDER(`the ${command.assetType} is not held by the borrower`, 'assetId');
      const live = await em.findOneBy(PledgeEntity, { assetType: command.assetType, assetId: command.assetId, status: PledgeStatus.LIVE });
      if (live && live.financingRef === command.financingRef && live.pledgeeId === actor.organisationId) return live;

      const pledge = Object.assign(new PledgeEntity(), {
        id: randomUUID(),
        assetType: command.assetType,
        assetId: command.assetId,
        financingRef: command.financingRef,
        pledgeeId: actor.organisationId,
        pledgorId,
        status: PledgeStatus.LIVE,
        pledgedAt: new Date(),
        pledgedBy: actor.userId,
        dischargedAt: null,
        dischargedBy: null,
      });
      await orOnDuplicate(
        () => em.insert(PledgeEntity, pledge),
        () => RegistryErrors.ASSET_ENCUMBERED(`${command.assetType} ${command.assetId} already backs a live financing`, 'assetId'),
      );
      await asset.pledge(em, command.assetId, actor);
      await this.audit.record(em, { actor, action: 'pledge.register', entityType: 'pledge', entityId: pledge.id, after: pledge });
      return pledge;
    });
  }

  /** The pledgee's financing releases the asset when it closes (or its disbursement is undone). */
  private async discharge(actor: Actor, pledgeId: string): Promise<Pledge> {
    return this.dataSource.transaction(async (em) => {
      const pledge = await em.findOne(PledgeEntity, {
        where: { id: pledgeId, pledgeeId: actor.organisationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!pledge) throw notFound();
      if (pledge.status !== PledgeStatus.LIVE) throw RegistryErrors.ALREADY_DISCHARGED('this pledge is already discharged');
      const before = { ...pledge };
      Object.assign(pledge, { status: PledgeStatus.DISCHARGED, dischargedAt: new Date(), dischargedBy: actor.userId });
      await em.update(
        PledgeEntity,
        { id: pledgeId },
        { status: pledge.status, dischargedAt: pledge.dischargedAt, dischargedBy: pledge.dischargedBy },
      );
      await this.asset(pledge.assetType).discharge(em, pledge.assetId, actor);
      await this.audit.record(em, { actor, action: 'pledge.discharge', entityType: 'pledge', entityId: pledge.id, before, after: pledge });
      return pledge;
    });
  }

  /** Discharges the live pledge of this financing on this asset, if there is one (saga compensation, closure). */
  async dischargeFor(actor: Actor, assetType: AssetType, assetId: string, financingRef: string): Promise<void> {
    const live = await this.dataSource
      .getRepository(PledgeEntity)
      .findOneBy({ assetType, assetId, financingRef, pledgeeId: actor.organisationId, status: PledgeStatus.LIVE });
    if (live)
      await this.discharge(actor, live.id).catch((e) => {
        if (!(e instanceof DomainError && e.code === 'REGISTRY.ALREADY_DISCHARGED')) throw e;
      });
  }

  /** "Is this asset encumbered, by whom, since when": the registry's public question. */
  async search(assetType: AssetType, assetId: string): Promise<Encumbrance> {
    const pledge = await findPublicPledge(this.dataSource.manager, assetType, assetId);
    return pledge ? { encumbered: true, pledge } : { encumbered: false };
  }

  /** The live pledge of an asset, for the financing workflow (not a person's question). */
  async livePledge(assetType: AssetType, assetId: string): Promise<LivePledge | undefined> {
    const live = await this.dataSource.getRepository(PledgeEntity).findOneBy({ assetType, assetId, status: PledgeStatus.LIVE });
    return live ? { id: live.id, pledgeeId: live.pledgeeId, financingRef: live.financingRef } : undefined;
  }

  /** A pledge as its pledgee, its pledgor or the operator sees it; others get not found. */
  async get(actor: Actor, pledgeId: string): Promise<Pledge> {
    const pledge = await this.dataSource.getRepository(PledgeEntity).findOneBy({ id: pledgeId });
    const concerned =
      pledge &&
      (actor.organisationKind === OrganisationKind.OPERATOR || [pledge.pledgeeId, pledge.pledgorId].includes(actor.organisationId));
    if (!concerned) throw notFound();
    return pledge;
  }

  private asset(type: AssetType): PledgeableAsset {
    const asset = this.assets.find((a) => a.type === type);
    if (!asset) throw RegistryErrors.ASSET_TYPE_UNSUPPORTED(`${type} cannot be pledged yet`, 'assetType');
    return asset;
  }
}
