import { createHash } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLog } from '@caravan/audit';
import { ScopedDatabase } from '@caravan/database';
import { DualControl } from '@caravan/dual-control';
import type { DualControlRequest } from '@caravan/dual-control';
import { Actor, actorName, dataScopeOf, OrganisationKind, Role, systemActor } from '@caravan/access';
import { FinancingErrors } from '../domain/financing.errors';
import type { FinancingRow } from '../infrastructure/financing.repository';
import {
  adoptContractVersion,
  contractContent,
  ContractVersion,
  currentContract,
  findContractVersion,
  findKeptContract,
  insertContractVersion,
  keepContract,
  KeptContract,
  listContractVersions,
} from '../infrastructure/contract.repository';

export type { ContractVersion, KeptContract } from '../infrastructure/contract.repository';

export const CONTRACT_CHANGE = 'financing.contract';
export const MAX_CONTRACT_BYTES = 5 * 1024 * 1024;
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

interface Adoption {
  version: number;
  sha256: string;
  name: string;
}

/** The contract a financing's parties read: the one kept with it once accepted, before that the bank's in force. */
export type FinancingContract = ContractVersion & { kept: KeptContract | null };

const bankScope = (bankId: string) => dataScopeOf(systemActor('system:financing-contract', bankId));
const notFound = (message: string) => FinancingErrors.CONTRACT_NOT_FOUND(message);

/**
 * A bank's financing contract, a PDF, under the same four eyes as its policy (it is the legal
 * half of the terms an SME accepts): a credit officer or approver uploads a version, another
 * approver adopts it, and from then on it is what SMEs read and accept. The version an SME
 * accepted is kept with the financing, whatever the bank adopts later.
 */
@Injectable()
export class FinancingContracts implements OnModuleInit {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly dualControl: DualControl,
    private readonly audit: AuditLog,
  ) {}

  onModuleInit(): void {
    this.dualControl.register({
      kind: CONTRACT_CHANGE,
      makers: [Role.CREDIT_OFFICER, Role.APPROVER],
      checkers: [Role.APPROVER],
      apply: async (em, request: DualControlRequest<Adoption>, checker) => {
        const { version, sha256 } = request.payload;
        const adopted = await adoptContractVersion(em, version, sha256, { by: actorName(checker), requestId: request.id });
        if (!adopted) throw notFound(`contract version ${version} is not awaiting adoption`);
        return adopted;
      },
    });
  }

  /** Reads the PDF up to the size limit, keeps it as the next version and asks a second person to adopt it. */
  async upload(
    actor: Actor,
    name: string,
    contentType: string,
    body: AsyncIterable<Buffer>,
  ): Promise<{ contract: ContractVersion; request: DualControlRequest<Adoption> }> {
    if (contentType.split(';')[0].trim().toLowerCase() !== 'application/pdf') {
      throw FinancingErrors.CONTRACT_NOT_PDF(`a contract is sent as application/pdf, not ${contentType || 'untyped'}`, 'contract');
    }
    const content = await readBounded(body);
    if (!content.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
      throw FinancingErrors.CONTRACT_NOT_PDF('the file does not start as a PDF does (%PDF-)', 'contract');
    }
    const sha256 = createHash('sha256').update(content).digest('hex');
    return this.db.transaction(dataScopeOf(actor), async (em) => {
      const contract = await insertContractVersion(em, { name, sha256, content, uploadedBy: actorName(actor) });
      await this.audit.record(em, {
        actor,
        action: 'financing.contract.upload',
        entityType: 'financing_contract',
        entityId: `${actor.organisationId}/${contract.version}`,
        after: contract,
      });
      const adoption: Adoption = { version: contract.version, sha256, name };
      const request = await this.dualControl.request(
        actor,
        CONTRACT_CHANGE,
        `financing-contract/${contract.version}`,
        adoption,
        `contract version ${contract.version}: ${name}`,
        em,
      );
      return { contract, request };
    });
  }

  /** Every version the caller's bank uploaded, newest first, adopted or not. */
  versions(actor: Actor, limit: number, offset: number): Promise<[ContractVersion[], number]> {
    return this.db.transaction(dataScopeOf(actor), (em) => listContractVersions(em, limit, offset));
  }

  /** One version's PDF, for the bank's own people (the checker reads it before adopting). */
  async versionPdf(actor: Actor, version: number): Promise<ContractVersion & { content: Buffer }> {
    const found = await this.db.transaction(dataScopeOf(actor), (em) => contractContent(em, version));
    if (!found) throw notFound(`no contract version ${version}`);
    return found;
  }

  /** The contract the financing's SME and bank read; its buyer or custodian has none to read. */
  async ofFinancing(actor: Actor, financing: FinancingRow): Promise<FinancingContract & { content: Buffer }> {
    if (!mayRead(actor, financing)) throw FinancingErrors.NOT_FOUND(`financing ${financing.id} not found`);
    const found = await this.find(actor, financing, contractContent);
    if (!found) throw notFound(`the bank of financing ${financing.id} has no contract`);
    return found;
  }

  /** What the detail shows of the contract, without its bytes; null for whoever may not read it or when there is none. */
  async summaryOf(actor: Actor, financing: FinancingRow): Promise<FinancingContract | null> {
    return mayRead(actor, financing) ? ((await this.find(actor, financing, findContractVersion)) ?? null) : null;
  }

  /** The version kept with the financing, else the bank's in force, read by `read`. */
  private async find<T extends ContractVersion>(
    actor: Actor,
    financing: FinancingRow,
    read: (em: EntityManager, version: number) => Promise<T | undefined>,
  ): Promise<(T & { kept: KeptContract | null }) | undefined> {
    const kept = (await this.kept(actor, financing.id)) ?? null;
    const found = await this.db.transaction(bankScope(financing.bankId), async (em) => {
      const version = kept?.version ?? (await currentContract(em))?.version;
      return version === undefined ? undefined : read(em, version);
    });
    return found && { ...found, kept };
  }

  /**
   * The contract an acceptance takes: the one the SME read, which must be the one kept (a
   * retried acceptance) or else the bank's in force. A bank with no contract on the platform
   * (signed on paper) takes acceptance without one.
   */
  async toAccept(
    actor: Actor,
    financing: FinancingRow,
    sha256: string | undefined,
  ): Promise<Pick<ContractVersion, 'version' | 'sha256'> | undefined> {
    const offered =
      (await this.kept(actor, financing.id)) ?? (await this.db.transaction(bankScope(financing.bankId), (em) => currentContract(em)));
    if (!offered) {
      if (sha256 !== undefined) throw FinancingErrors.CONTRACT_CHANGED('the bank has no contract in force', 'contractSha256');
      return undefined;
    }
    if (sha256 === undefined) {
      throw FinancingErrors.CONTRACT_NOT_READ(`accept with the sha256 of the contract read (version ${offered.version})`, 'contractSha256');
    }
    if (sha256 !== offered.sha256) {
      throw FinancingErrors.CONTRACT_CHANGED(`the contract in force is version ${offered.version}, not the one read`, 'contractSha256');
    }
    return offered;
  }

  /**
   * Keeps the contract with the financing while `accept` runs (the workflow's acceptance): both
   * or neither. A repeated acceptance keeps the first.
   */
  async keep<T>(
    actor: Actor,
    financing: FinancingRow,
    contract: Pick<ContractVersion, 'version' | 'sha256'>,
    accept: () => Promise<T>,
  ): Promise<T> {
    return this.db.transaction(dataScopeOf(actor), async (em: EntityManager) => {
      const kept = { financingId: financing.id, bankId: financing.bankId, version: contract.version, sha256: contract.sha256 };
      await keepContract(em, { ...kept, acceptedBy: actor.userId, acceptedByName: actorName(actor) });
      await this.audit.record(em, {
        actor,
        action: 'financing.contract.accept',
        entityType: 'financing',
        entityId: financing.id,
        after: kept,
      });
      return accept();
    });
  }

  private kept(actor: Actor, financingId: string): Promise<KeptContract | undefined> {
    return this.db.transaction(dataScopeOf(actor), (em) => findKeptContract(em, financingId));
  }
}

/** The financing's SME and bank, and the operator's readers (whom finding the financing already admitted). */
function mayRead(actor: Actor, financing: FinancingRow): boolean {
  return actor.organisationKind === OrganisationKind.OPERATOR || [financing.smeId, financing.bankId].includes(actor.organisationId);
}

async function readBounded(body: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > MAX_CONTRACT_BYTES)
      throw FinancingErrors.CONTRACT_TOO_LARGE(`a contract is at most ${MAX_CONTRACT_BYTES / 1024 / 1024} MB`, 'contract');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
