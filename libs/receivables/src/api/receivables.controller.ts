import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Page, pageOf, ReasonDto, uuidParam as uuid } from '@caravan/http';
import { CurrentActor, Role, Roles } from '@caravan/access';
import type { Actor } from '@caravan/access';
import { ReceivableDocument, ReceivableDocumentsService } from '../application/receivable-documents.service';
import { ReceivablesService } from '../application/receivables.service';
import type { Request } from 'express';
import { IsString, Length } from 'class-validator';
import { ApiConsumes, ApiProperty } from '@nestjs/swagger';
import { ConfirmReceivableDto, DilutionDto, ReceivableQuery } from './dto/confirmation-decision.dto';
import { ReceivableView } from './dto/receivable.view';
import { ReceivableDocumentView, ReceivablePageView } from './dto/receivable-page.view';
import { RegisterReceivableDto } from './dto/register-receivable.dto';

const SME = [Role.APPLICANT, Role.FINANCE_MANAGER];
const DEBTOR = [Role.PAYABLES_CLERK, Role.TREASURER];

@ApiTags('receivables')
@ApiBearerAuth()
export class DocumentQuery {
  @ApiProperty({ example: 'invoice-HM-2026-001234.pdf' }) @IsString() @Length(1, 200) name: string;
}

@Controller('receivables')
export class ReceivablesController {
  constructor(
    private readonly receivables: ReceivablesService,
    private readonly documents: ReceivableDocumentsService,
  ) {}

  @Post(':id/documents')
  @Roles(...SME)
  @ApiConsumes('application/pdf', 'image/jpeg', 'image/png', 'application/xml', 'application/ofd', 'application/octet-stream')
  @ApiOperation({ summary: 'Attach a document (the raw body, at most 10 MB): invoice scan, waybill' })
  attach(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Query() query: DocumentQuery,
    @Req() request: Request,
  ): Promise<ReceivableDocument> {
    return this.documents.attach(actor, id, query.name, request.headers['content-type'] ?? '', request);
  }

  @Get(':id/documents')
  @ApiOperation({ summary: "A receivable's documents (who may see the receivable may see them)" })
  @ApiOkResponse({ type: [ReceivableDocumentView] })
  listDocuments(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<ReceivableDocument[]> {
    return this.documents.list(actor, id);
  }

  @Get(':id/documents/:documentId')
  @ApiOperation({ summary: 'Download a document' })
  async document(
    @CurrentActor() actor: Actor,
    @Param('id', uuid) id: string,
    @Param('documentId', uuid) documentId: string,
  ): Promise<StreamableFile> {
    const d = await this.documents.content(actor, id, documentId);
    return new StreamableFile(d.content, {
      type: d.contentType,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(d.name)}`,
      length: d.size,
    });
  }

  @Post()
  @Roles(...SME)
  @ApiOperation({ summary: "Register a receivable owed to the caller's SME" })
  @ApiCreatedResponse({ type: ReceivableView })
  @ApiBadRequestResponse({ description: 'problem+json naming each invalid field' })
  @ApiConflictResponse({ description: 'RECEIVABLE.DUPLICATE_INVOICE' })
  async register(@CurrentActor() actor: Actor, @Body() body: RegisterReceivableDto): Promise<ReceivableView> {
    return ReceivableView.of(await this.receivables.register(actor, body));
  }

  @Get()
  @ApiOperation({ summary: 'Receivables the caller may see: an SME its own, a debtor those it owes, a bank those pledged to it' })
  @ApiOkResponse({ type: ReceivablePageView })
  async list(@CurrentActor() actor: Actor, @Query() query: ReceivableQuery): Promise<Page<ReceivableView>> {
    const { status, creditorId, debtorId, queue } = query;
    const found = await this.receivables.list(actor, { status, creditorId, debtorId, queue }, query);
    return pageOf(found, query, ReceivableView.of);
  }

  @Get(':id')
  @ApiOkResponse({ type: ReceivableView })
  @ApiNotFoundResponse({ description: 'RECEIVABLE.NOT_FOUND, also for one the caller may not see' })
  async get(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<ReceivableView> {
    return ReceivableView.of(await this.receivables.get(actor, id));
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles(...SME)
  @ApiOperation({ summary: 'Submit it to the debtor for confirmation (starts the confirmation workflow)' })
  @ApiOkResponse({ type: ReceivableView })
  async submit(@CurrentActor() actor: Actor, @Param('id', uuid) id: string): Promise<ReceivableView> {
    return ReceivableView.of(await this.receivables.submit(actor, id));
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @Roles(...DEBTOR)
  @ApiOperation({ summary: 'The debtor confirms the debt (确权)' })
  @ApiOkResponse({ type: ReceivableView })
  @ApiConflictResponse({ description: 'RECEIVABLE.ALREADY_DECIDED or RECEIVABLE.NOT_AWAITING_CONFIRMATION' })
  async confirm(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: ConfirmReceivableDto): Promise<ReceivableView> {
    return ReceivableView.of(await this.receivables.decide(actor, id, 'CONFIRM', body.reason));
  }

  @Post(':id/dispute')
  @HttpCode(200)
  @Roles(...DEBTOR)
  @ApiOperation({ summary: 'The debtor disputes the debt, with a reason' })
  @ApiOkResponse({ type: ReceivableView })
  async dispute(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: ReasonDto): Promise<ReceivableView> {
    return ReceivableView.of(await this.receivables.decide(actor, id, 'DISPUTE', body.reason));
  }

  @Post(':id/dilutions')
  @HttpCode(200)
  @Roles(...SME, ...DEBTOR)
  @ApiOperation({ summary: 'Record a credit note or a return, reducing the eligible amount' })
  @ApiOkResponse({ type: ReceivableView })
  async dilute(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: DilutionDto): Promise<ReceivableView> {
    return ReceivableView.of(await this.receivables.dilute(actor, id, body));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles(...SME)
  @ApiOperation({ summary: 'Withdraw it (registered, submitted or disputed only)' })
  @ApiOkResponse({ type: ReceivableView })
  async cancel(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: ReasonDto): Promise<ReceivableView> {
    return ReceivableView.of(await this.receivables.cancel(actor, id, body.reason));
  }
}
