import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '@caravan/audit';
import type { Actor } from '@caravan/access';
import { ReceivableStatus } from '../domain/receivable-status';
import { ReceivablesService } from './receivables.service';
import { ReceivableErrors } from '../domain/receivables.errors';

export interface ReceivableDocument {
  id: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
}

export const DOCUMENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/xml',
  'text/xml',
  'application/ofd',
  'application/octet-stream',
];
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export interface NewDocument {
  receivableId: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  content: Buffer;
  uploadedBy: string;
}

/** Where documents are kept; the writes run in the caller's transaction. */
export abstract class ReceivableDocumentRepository {
  /** Stores the document; undefined when the receivable has one with the same content already. */
  abstract insert(em: EntityManager, document: NewDocument): Promise<ReceivableDocument | undefined>;
  abstract findByContent(em: EntityManager, receivableId: string, sha256: string): Promise<ReceivableDocument>;
  abstract list(receivableId: string): Promise<ReceivableDocument[]>;
  abstract findWithContent(receivableId: string, documentId: string): Promise<(ReceivableDocument & { content: Buffer }) | undefined>;
}

/** Invoice scans and waybills attached to a receivable: its creditor adds them, whoever sees it reads them. */
@Injectable()
export class ReceivableDocumentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: ReceivableDocumentRepository,
    private readonly receivables: ReceivablesService,
    private readonly audit: AuditLog,
  ) {}

  /** Reads the body up to the size limit, then stores it; the same file again answers the first copy. */
  async attach(
    actor: Actor,
    receivableId: string,
    name: string,
    contentType: string,
    body: AsyncIterable<Buffer>,
  ): Promise<ReceivableDocument> {
    const receivable = await this.receivables.get(actor, receivableId);
    if (receivable.creditorId !== actor.organisationId) throw ReceivableErrors.NOT_FOUND(`no receivable ${receivableId}`);
    if (receivable.status === ReceivableStatus.CANCELLED)
      throw ReceivableErrors.ILLEGAL_TRANSITION('a cancelled receivable takes no documents');
    const type = contentType.split(';')[0].trim().toLowerCase();
    if (!DOCUMENT_TYPES.includes(type))
      throw ReceivableErrors.DOCUMENT_TYPE(`documents are PDF, JPEG, PNG, XML or OFD, not ${type || 'untyped'}`, 'document');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body) {
      size += chunk.length;
      if (size > MAX_DOCUMENT_BYTES)
        throw ReceivableErrors.DOCUMENT_TOO_LARGE(`a document is at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`, 'document');
      chunks.push(chunk);
    }
    if (size === 0) throw ReceivableErrors.DOCUMENT_EMPTY('the document is empty', 'document');
    const content = Buffer.concat(chunks);
    const sha256 = createHash('sha256').update(content).digest('hex');
    return this.dataSource.transaction(async (em) => {
      const inserted = await this.documents.insert(em, {
        receivableId,
        name,
        contentType: type,
        size,
        sha256,
        content,
        uploadedBy: actor.userId,
      });
      if (!inserted) return this.documents.findByContent(em, receivableId, sha256);
      await this.audit.record(em, {
        actor,
        action: 'receivable.document.attach',
        entityType: 'receivable',
        entityId: receivableId,
        after: { document: inserted.id, name, contentType: type, size, sha256 },
      });
      return inserted;
    });
  }

  async list(actor: Actor, receivableId: string): Promise<ReceivableDocument[]> {
    await this.receivables.get(actor, receivableId);
    return this.documents.list(receivableId);
  }

  /** The platform's own read, for the bank a financing of the receivable asks (the financing context checks that bank first). */
  peekList(receivableId: string): Promise<ReceivableDocument[]> {
    return this.documents.list(receivableId);
  }

  /** One of them with its content, read the same way. */
  async peekContent(receivableId: string, documentId: string): Promise<ReceivableDocument & { content: Buffer }> {
    const document = await this.documents.findWithContent(receivableId, documentId);
    if (!document) throw ReceivableErrors.DOCUMENT_NOT_FOUND(`no document ${documentId}`);
    return document;
  }

  async content(actor: Actor, receivableId: string, documentId: string): Promise<ReceivableDocument & { content: Buffer }> {
    await this.receivables.get(actor, receivableId);
    const document = await this.documents.findWithContent(receivableId, documentId);
    if (!document) throw ReceivableErrors.DOCUMENT_NOT_FOUND(`no document ${documentId}`);
    return document;
  }
}
