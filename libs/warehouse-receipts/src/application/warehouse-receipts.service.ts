import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type Decimal from 'decimal.js';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '@caravan/audit';
import { BusinessClock } from '@caravan/clock';
import { orOnDuplicate } from '@caravan/database';
import type { Listing } from '@caravan/http';
import { Money } from '@caravan/money';
import { OrganisationDirectory } from '@caravan/identity';
import { Actor, isOperatorReader, OrganisationKind } from '@caravan/access';
import {
  nextReceiptStatus,
  ReceiptStatus,
  ReceiptTransition,
  splitQuantities,
  Valuation,
  value,
  WarehouseReceipt,
} from '../domain/warehouse-receipt';
import { CommodityEntity, CommodityPriceEntity, WarehouseReceiptEntity } from '../infrastructure/warehouse-receipt.entities';
import { WarehouseErrors } from '../domain/warehouse.errors';
import { findReceipts, ReceiptFilter, ReceiptScope, ReceiptSort, scoped } from '../infrastructure/warehouse-receipt.queries';

export interface IssueReceipt {
  receiptNumber: string;
  holderId: string;
  commodityCode: string;
  grade: string;
  quantity: Decimal;
  location: string;
}

const notFound = (id: string) => WarehouseErrors.RECEIPT_NOT_FOUND(`warehouse receipt ${id} not found`);

/** Custodians see what they hold in custody, SMEs what they own, banks what is pledged to them. */
function scopeOf(actor: Actor): ReceiptScope {
  switch (actor.organisationKind) {
    case OrganisationKind.OPERATOR:
      return isOperatorReader(actor) ? { kind: 'all' } : { kind: 'none' };
    case OrganisationKind.CUSTODIAN:
      return { kind: 'custodian', organisationId: actor.organisationId };
    case OrganisationKind.SME:
      return { kind: 'holder', organisationId: actor.organisationId };
    case OrganisationKind.BANK:
      return { kind: 'pledgee', organisationId: actor.organisationId };
    default:
      return { kind: 'none' };
  }
}

@Injectable()
export class WarehouseReceiptsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly organisations: OrganisationDirectory,
    private readonly clock: BusinessClock,
  ) {}

  async defineCommodity(actor: Actor, commodity: Omit<CommodityEntity, 'updatedAt'>): Promise<CommodityEntity> {
    return this.dataSource.transaction(async (em) => {
      const row = Object.assign(new CommodityEntity(), { ...commodity, updatedAt: new Date() });
      await em.save(row);
      await this.audit.record(em, { actor, action: 'commodity.define', entityType: 'commodity', entityId: row.code, after: row });
      return row;
    });
  }

  commodities(): Promise<CommodityEntity[]> {
    return this.dataSource.getRepository(CommodityEntity).find({ order: { code: 'ASC' } });
  }

  async recordPrice(actor: Actor, price: CommodityPriceEntity): Promise<CommodityPriceEntity> {
    return this.dataSource.transaction(async (em) => {
      if (!(await em.existsBy(CommodityEntity, { code: price.commodityCode }))) {
        throw WarehouseErrors.COMMODITY_NOT_FOUND(`no commodity ${price.commodityCode}`);
      }
      await em.save(Object.assign(new CommodityPriceEntity(), price));
      await this.audit.record(em, {
        actor,
        action: 'commodity.price',
        entityType: 'commodity',
        entityId: price.commodityCode,
        after: price,
      });
      return price;
    });
  }

  /** A commodity's recorded prices, newest first; an unknown commodity is not found. */
  async prices(code: string, limit: number, offset: number): Promise<[CommodityPriceEntity[], number]> {
    if (!(await this.dataSource.manager.existsBy(CommodityEntity, { code })))
      throw WarehouseErrors.COMMODITY_NOT_FOUND(`no commodity ${code}`);
    return this.dataSource
      .getRepository(CommodityPriceEntity)
      .findAndCount({ where: { commodityCode: code }, order: { priceDate: 'DESC' }, take: limit, skip: offset });
  }

  /** A custodian issues a receipt for goods in its yard, held by an SME. */
  async issue(actor: Actor, input: IssueReceipt): Promise<WarehouseReceipt> {
    if ((await this.organisations.kindOf(input.holderId)) !== OrganisationKind.SME) {
      throw WarehouseErrors.HOLDER_NOT_SME('holderId must name an SME on the platform', 'holderId');
    }
    return this.dataSource.transaction(async (em) => {
      const commodity = await em.findOneBy(CommodityEntity, { code: input.commodityCode });
      if (!commodity) throw WarehouseErrors.UNKNOWN_COMMODITY(`no commodity ${input.commodityCode}`, 'commodityCode');
      const now = new Date();
      const receipt = Object.assign(new WarehouseReceiptEntity(), {
        id: randomUUID(),
        ...input,
        custodianId: actor.organisationId,
        unit: commodity.unit,
        status: ReceiptStatus.ISSUED,
        parentId: null,
        issuedAt: now,
        updatedAt: now,
      });
      await orOnDuplicate(
        () => em.insert(WarehouseReceiptEntity, receipt),
        () => WarehouseErrors.DUPLICATE_RECEIPT(`receipt ${input.receiptNumber} already exists`, 'receiptNumber'),
      );
      await this.audit.record(em, {
        actor,
        action: 'warehouse-receipt.issue',
        entityType: 'warehouse-receipt',
        entityId: receipt.id,
        after: receipt,
      });
      return receipt;
    });
  }

  async get(actor: Actor, id: string): Promise<WarehouseReceipt> {
    const receipt = await scoped(this.dataSource.getRepository(WarehouseReceiptEntity).createQueryBuilder('w'), scopeOf(actor))
      .andWhere('w.id = :id', { id })
      .getOne();
    if (!receipt) throw notFound(id);
    return receipt;
  }

  list(actor: Actor, filter: ReceiptFilter, listing: Listing<ReceiptSort>): Promise<[WarehouseReceipt[], number]> {
    return findReceipts(this.dataSource.manager, scopeOf(actor), filter, listing);
  }

  /** The custodian splits a receipt into smaller ones for exactly the same goods. */
  async split(actor: Actor, id: string, quantities: Decimal[]): Promise<WarehouseReceipt[]> {
    return this.dataSource.transaction(async (em) => {
      const parts: WarehouseReceipt[] = [];
      await this.move(em, id, { kind: 'custodian', organisationId: actor.organisationId }, actor, 'split', async (parent) => {
        for (const [i, quantity] of splitQuantities(parent, quantities).entries()) {
          const part = Object.assign(new WarehouseReceiptEntity(), {
            ...parent,
            id: randomUUID(),
            receiptNumber: `${parent.receiptNumber}-${i + 1}`,
            quantity,
            status: ReceiptStatus.ISSUED,
            parentId: parent.id,
            issuedAt: new Date(),
            updatedAt: new Date(),
          });
          await em.insert(WarehouseReceiptEntity, part);
          await this.audit.record(em, {
            actor,
            action: 'warehouse-receipt.issue',
            entityType: 'warehouse-receipt',
            entityId: part.id,
            after: part,
          });
          parts.push(part);
        }
      });
      return parts;
    });
  }

  /** Goods leave the yard (release) or the receipt was issued in error (cancel): custodian only. */
  custodianStep(actor: Actor, id: string, transition: 'release' | 'cancel'): Promise<WarehouseReceipt> {
    return this.dataSource.transaction((em) =>
      this.move(em, id, { kind: 'custodian', organisationId: actor.organisationId }, actor, transition),
    );
  }

  /** Value on a date: the latest price on or before it, less the commodity's haircut. */
  /** The receipt's value on `date`, today (the business date) when none is given. */
  async valuation(actor: Actor, id: string, date = this.clock.today()): Promise<Valuation> {
    return this.valueOf(await this.get(actor, id), date);
  }

  /** The platform's own read (a workflow's eligibility check), outside any caller's scope. */
  async peek(id: string): Promise<WarehouseReceipt | undefined> {
    return (await this.dataSource.getRepository(WarehouseReceiptEntity).findOneBy({ id })) ?? undefined;
  }

  /** What a receipt lends against today (the business date): its collateral value once issued, nothing before or after. */
  async worthToday(receipt: WarehouseReceipt): Promise<Money> {
    return receipt.status === ReceiptStatus.ISSUED ? (await this.valueOf(receipt, this.clock.today())).value : Money.zero();
  }

  async valueOf(receipt: WarehouseReceipt, date: string): Promise<Valuation> {
    const commodity = await this.dataSource.getRepository(CommodityEntity).findOneByOrFail({ code: receipt.commodityCode });
    const price = await this.dataSource
      .getRepository(CommodityPriceEntity)
      .createQueryBuilder('p')
      .where('p.commodity_code = :code AND p.price_date <= :date', { code: receipt.commodityCode, date })
      .orderBy('p.price_date', 'DESC')
      .getOne();
    if (!price) throw WarehouseErrors.NO_PRICE(`no ${receipt.commodityCode} price on or before ${date}`, 'date');
    return value(receipt.quantity, price.price, price.currency, commodity.haircut, price.priceDate);
  }

  /** Moves a receipt by its state machine under a row lock, audited, inside `em`'s transaction. */
  async move(
    em: EntityManager,
    id: string,
    scope: ReceiptScope,
    actor: Actor,
    transition: ReceiptTransition,
    effect?: (receipt: WarehouseReceipt) => Promise<void>,
  ): Promise<WarehouseReceipt> {
    const receipt = await scoped(em.getRepository(WarehouseReceiptEntity).createQueryBuilder('w'), scope)
      .andWhere('w.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!receipt) throw notFound(id);
    const status = nextReceiptStatus(receipt.status, transition);
    await effect?.(receipt);
    await em.update(WarehouseReceiptEntity, { id }, { status, updatedAt: new Date() });
    await this.audit.record(em, {
      actor,
      action: `warehouse-receipt.${transition}`,
      entityType: 'warehouse-receipt',
      entityId: id,
      before: { status: receipt.status },
      after: { status },
    });
    return { ...receipt, status };
  }

  /**
   * Releases part of the goods of a pledged receipt: the receipt keeps the rest, a RELEASED
   * child receipt records what left the yard. `allowed` is asked first, with the value the
   * remaining goods would have: the financing's LTV line decides.
   */
  async releasePart(id: string, quantity: Decimal, actor: Actor, allowed: (remainingValue: Valuation) => void): Promise<WarehouseReceipt> {
    return this.dataSource.transaction(async (em) => {
      const receipt = await em.findOne(WarehouseReceiptEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!receipt) throw notFound(id);
      if (receipt.status !== ReceiptStatus.PLEDGED) throw WarehouseErrors.NOT_PLEDGED(`the receipt is ${receipt.status}`);
      const remaining = receipt.quantity.minus(quantity);
      if (remaining.lte(0)) throw WarehouseErrors.RELEASE_TOO_LARGE('a partial release must leave goods in the yard', 'quantity');
      allowed(await this.valueOf({ ...receipt, quantity: remaining }, this.clock.today()));
      await em.update(WarehouseReceiptEntity, { id }, { quantity: remaining, updatedAt: new Date() });
      const released = Object.assign(new WarehouseReceiptEntity(), {
        ...receipt,
        id: randomUUID(),
        receiptNumber: `${receipt.receiptNumber}-R${Date.now()}`,
        quantity,
        status: ReceiptStatus.RELEASED,
        parentId: receipt.id,
        issuedAt: new Date(),
        updatedAt: new Date(),
      });
      await em.insert(WarehouseReceiptEntity, released);
      await this.audit.record(em, {
        actor,
        action: 'warehouse-receipt.release-part',
        entityType: 'warehouse-receipt',
        entityId: id,
        before: { quantity: receipt.quantity.toFixed() },
        after: { quantity: remaining.toFixed(), released: released.id },
      });
      return { ...receipt, quantity: remaining };
    });
  }

  holderOf(em: EntityManager, id: string): Promise<string | undefined> {
    return em.findOne(WarehouseReceiptEntity, { where: { id }, select: { holderId: true } }).then((r) => r?.holderId);
  }
}
