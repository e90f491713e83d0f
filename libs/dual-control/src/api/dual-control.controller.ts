import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { ListQuery, Page, pageOf, Queue, QUEUES, ReasonDto, uuidParam } from '@caravan/http';
import { CurrentActor, Role, Roles } from '@caravan/access';
import type { Actor } from '@caravan/access';
import { DualControl } from '../application/dual-control';
import type { DualControlRequest, RequestStatus } from '../domain/request';
import { REQUEST_SORTS } from '../infrastructure/dual-control.repository';

const STATUSES: RequestStatus[] = ['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED', 'FAILED'];
const BANK = [Role.CREDIT_OFFICER, Role.APPROVER, Role.TREASURY, Role.BACK_OFFICE];

export class RequestQuery extends ListQuery(REQUEST_SORTS) {
  @ApiPropertyOptional({ enum: QUEUES, description: "todo: awaiting a second person's decision; done: decided" })
  @IsOptional()
  @IsIn(QUEUES)
  queue?: Queue;
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: RequestStatus;
  @ApiPropertyOptional({ example: 'ledger.reversal' }) @IsOptional() @IsString() @Length(1, 64) kind?: string;
  @ApiPropertyOptional({
    description: 'What the change is about: an entry, a financing and payment reference, a line',
    example: 'f7c1…/BNK-001',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  subject?: string;
}

export class ApprovalDto {
  @ApiPropertyOptional({ maxLength: 1000, example: 'Checked against the bank advice' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}

@ApiTags('approvals')
@ApiBearerAuth()
@Controller('approval-requests')
export class DualControlController {
  constructor(private readonly dualControl: DualControl) {}

  @Get()
  @Roles(...BANK, Role.ADMIN, Role.AUDITOR)
  @ApiOperation({
    summary: "Changes awaiting (or given) a second person's approval: policy changes, hand-recorded payments, reversals, large write-offs",
  })
  async list(@CurrentActor() actor: Actor, @Query() query: RequestQuery): Promise<Page<DualControlRequest>> {
    return pageOf(
      await this.dualControl.list(actor, { status: query.status, kind: query.kind, subject: query.subject, queue: query.queue }, query),
      query,
      (r) => r,
    );
  }

  @Get(':id')
  @Roles(...BANK, Role.ADMIN, Role.AUDITOR)
  get(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string): Promise<DualControlRequest> {
    return this.dualControl.get(actor, id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles(...BANK, Role.ADMIN)
  @ApiOperation({ summary: 'Approve: the change takes effect now. Never one’s own request; the role must be a checker’s for its kind' })
  approve(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string, @Body() body: ApprovalDto): Promise<DualControlRequest> {
    return this.dualControl.approve(actor, id, body.comment);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles(...BANK, Role.ADMIN)
  reject(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string, @Body() body: ReasonDto): Promise<DualControlRequest> {
    return this.dualControl.reject(actor, id, body.reason);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles(...BANK, Role.ADMIN)
  @ApiOperation({ summary: 'The person who asked withdraws the request' })
  cancel(@CurrentActor() actor: Actor, @Param('id', uuidParam) id: string): Promise<DualControlRequest> {
    return this.dualControl.cancel(actor, id);
  }
}
