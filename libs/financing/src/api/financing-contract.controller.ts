import { Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { IsString, Length } from 'class-validator';
import { Page, pageOf, PageQuery, RequestErrors, uuidParam } from '@caravan/http';
import { CurrentActor, Role, Roles } from '@caravan/access';
import type { Actor } from '@caravan/access';
import type { DualControlRequest } from '@caravan/dual-control';
import { ContractVersion, FinancingContracts } from '../application/financing-contracts';
import { FinancingsService } from '../application/financings.service';

const BANK = [Role.CREDIT_OFFICER, Role.APPROVER, Role.TREASURY, Role.BACK_OFFICE];
const PDF_BODY = { schema: { type: 'string', format: 'binary' } };
const versionParam = new ParseIntPipe({ exceptionFactory: () => RequestErrors.INVALID_ID('version must be a whole number', 'version') });

export class ContractNameQuery {
  @ApiProperty({ example: 'financing-agreement-2027.pdf' }) @IsString() @Length(1, 200) name: string;
}

/** The contract's bytes, shown in the browser, with the version and the sha256 an acceptance names. */
function pdf(response: Response, c: Pick<ContractVersion, 'version' | 'sha256' | 'name' | 'size'> & { content: Buffer }): StreamableFile {
  response.setHeader('X-Contract-Version', String(c.version));
  response.setHeader('X-Contract-Sha256', c.sha256);
  return new StreamableFile(c.content, {
    type: 'application/pdf',
    disposition: `inline; filename*=UTF-8''${encodeURIComponent(c.name)}`,
    length: c.size,
  });
}

/** A bank's financing contract: uploaded by one person, adopted by another, read and accepted by the SME. */
@ApiTags('financing')
@ApiBearerAuth()
@Controller()
export class FinancingContractController {
  constructor(
    private readonly contracts: FinancingContracts,
    private readonly financings: FinancingsService,
  ) {}

  @Post('financing-contract')
  @HttpCode(202)
  @Roles(Role.CREDIT_OFFICER, Role.APPROVER)
  @ApiConsumes('application/pdf')
  @ApiAcceptedResponse({ description: 'The version kept and the approval request: offered to SMEs once another approver adopts it' })
  @ApiOperation({ summary: "Upload the bank's financing contract (the raw PDF body, at most 5 MB) as its next version" })
  upload(
    @CurrentActor() actor: Actor,
    @Query() query: ContractNameQuery,
    @Req() request: Request,
  ): Promise<{ contract: ContractVersion; request: DualControlRequest }> {
    return this.contracts.upload(actor, query.name, request.headers['content-type'] ?? '', request);
  }

  @Get('financing-contract/versions')
  @Roles(...BANK)
  @ApiOperation({ summary: "Every version of the bank's contract, newest first: who uploaded and who adopted it, its sha256" })
  async versions(@CurrentActor() actor: Actor, @Query() query: PageQuery): Promise<Page<ContractVersion>> {
    return pageOf(await this.contracts.versions(actor, query.limit, query.offset), query, (v) => v);
  }

  @Get('financing-contract/versions/:version')
  @Roles(...BANK)
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF', ...PDF_BODY })
  @ApiOperation({ summary: 'One version of the bank’s contract, as uploaded (the checker reads it before adopting)' })
  async version(
    @CurrentActor() actor: Actor,
    @Param('version', versionParam) version: number,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return pdf(response, await this.contracts.versionPdf(actor, version));
  }

  @Get('financings/:id/contract')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF; X-Contract-Version and X-Contract-Sha256 name it', ...PDF_BODY })
  @ApiOperation({
    summary:
      'The financing’s contract, for its SME and its bank: before acceptance the bank’s contract in force, after it the very version the SME accepted',
  })
  async contract(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam) id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    return pdf(response, await this.contracts.ofFinancing(actor, await this.financings.get(actor, id)));
  }
}
