import { ApiProperty } from '@nestjs/swagger';
import { ReceivableView } from './receivable.view';

/** A page of receivables (GET /receivables), as the OpenAPI document describes it. */
export class ReceivablePageView {
  @ApiProperty({ type: [ReceivableView] }) items: ReceivableView[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

/** A document attached to a receivable (its content is GET /receivables/{id}/documents/{documentId}). */
export class ReceivableDocumentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'invoice-HM-2026-001234.pdf' }) name: string;
  @ApiProperty({ example: 'application/pdf' }) contentType: string;
  @ApiProperty({ description: 'bytes' }) size: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt: string;
}
