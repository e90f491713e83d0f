import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError } from '../../../errors/src';
import { ReceivablesService } from '../application/receivables.service';
import { ConfirmReceivableDto, DisputeReceivableDto } from './dto/confirmation-decision.dto';
import { ReceivableView } from './dto/receivable.view';
import { RegisterReceivableDto } from './dto/register-receivable.dto';

const uuid = new ParseUUIDPipe({
  version: '4',
  exceptionFactory: () => new DomainError('REQUEST.INVALID_ID', 'id must be a UUID', 'invalid', 'id'),
});

@ApiTags('receivables')
@Controller('receivables')
export class ReceivablesController {
  constructor(private readonly receivables: ReceivablesService) {}

  @Post()
  @ApiOperation({ summary: 'Register a receivable and start its confirmation by the debtor' })
  @ApiCreatedResponse({ type: ReceivableView })
  @ApiBadRequestResponse({ description: 'problem+json naming each invalid field' })
  @ApiConflictResponse({ description: 'RECEIVABLE.DUPLICATE_INVOICE' })
  async register(@Body() body: RegisterReceivableDto): Promise<ReceivableView> {
    return ReceivableView.of(await this.receivables.register(body));
  }

  @Get(':id')
  @ApiOkResponse({ type: ReceivableView })
  @ApiNotFoundResponse({ description: 'RECEIVABLE.NOT_FOUND' })
  async get(@Param('id', uuid) id: string): Promise<ReceivableView> {
    return ReceivableView.of(await this.receivables.get(id));
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: "The debtor confirms the debt (确权)" })
  @ApiOkResponse({ type: ReceivableView })
  @ApiConflictResponse({ description: 'RECEIVABLE.ALREADY_DECIDED or RECEIVABLE.NOT_AWAITING_CONFIRMATION' })
  async confirm(@Param('id', uuid) id: string, @Body() body: ConfirmReceivableDto): Promise<ReceivableView> {
    return ReceivableView.of(await this.receivables.decide(id, { decision: 'CONFIRM', ...body }));
  }

  @Post(':id/dispute')
  @HttpCode(200)
  @ApiOperation({ summary: 'The debtor disputes the debt, with a reason' })
  @ApiOkResponse({ type: ReceivableView })
  async dispute(@Param('id', uuid) id: string, @Body() body: DisputeReceivableDto): Promise<ReceivableView> {
    return ReceivableView.of(await this.receivables.decide(id, { decision: 'DISPUTE', ...body }));
  }
}
