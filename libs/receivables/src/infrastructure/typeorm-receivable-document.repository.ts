import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NewDocument, ReceivableDocument, ReceivableDocumentRepository } from '../application/receivable-documents.service';

const COLUMNS = 'id, name, content_type AS "contentType", size, sha256, uploaded_at AS "uploadedAt"';

@Injectable()
export class TypeOrmReceivableDocumentRepository extends ReceivableDocumentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async insert(em: EntityManager, d: NewDocument): Promise<ReceivableDocument | undefined> {
    const [inserted] = await em.query(
      `INSERT INTO receivable_documents (id, receivable_id, name, content_type, size, sha256, content, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT ON CONSTRAINT receivable_documents_once DO NOTHING RETURNING ${COLUMNS}`,
      [randomUUID(), d.receivableId, d.name, d.contentType, d.size, d.sha256, d.content, d.uploadedBy],
    );
    return inserted;
  }

  async findByContent(em: EntityManager, receivableId: string, sha256: string): Promise<ReceivableDocument> {
    const [document] = await em.query(`SELECT ${COLUMNS} FROM receivable_documents WHERE receivable_id = $1 AND sha256 = $2`, [
      receivableId,
      sha256,
    ]);
    return document;
  }

  list(receivableId: string): Promise<ReceivableDocument[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM receivable_documents WHERE receivable_id = $1 ORDER BY uploaded_at, id`, [
      receivableId,
    ]);
  }

  async findWithContent(receivableId: string, documentId: string): Promise<(ReceivableDocument & { content: Buffer }) | undefined> {
    const [document] = await this.dataSource.query(
      `SELECT ${COLUMNS}, content FROM receivable_documents WHERE receivable_id = $1 AND id = $2`,
      [receivableId, documentId],
    );
    return document;
  }
}
