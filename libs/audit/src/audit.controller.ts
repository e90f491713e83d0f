import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { ListQuery, Page, pageOf } from '@caravan/http';
import { Role, Roles } from '@caravan/access';
import type { AuditEventEntity } from './audit-event.entity';
import { AUDIT_SORTS, findAuditEvents } from './infrastructure/audit-events.repository';

export class AuditQuery extends ListQuery(AUDIT_SORTS) {
  @ApiPropertyOptional({ example: 'receivable' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityType?: string;

  // not only UUIDs: statement lines, bank accounts and runs have ids of their own
  @ApiPropertyOptional({ example: '0b7c3a52-5f0e-4a51-9a07-3f1d1c2b9e10', maxLength: 64 })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  @ApiPropertyOptional({
    description: "Part of who acted: a person's e-mail or a platform label (case-insensitive)",
    example: 'bank-a.example',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'From this instant on (inclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Before this instant (exclusive)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-events')
export class AuditController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The trail (newest first unless sorted), for the platform's auditors and admins: by object, who acted and when, searched. */
  @Get()
  @Roles(Role.AUDITOR, Role.ADMIN)
  async list(@Query() query: AuditQuery): Promise<Page<AuditEventEntity>> {
    const { entityType, entityId, actor, from, to } = query;
    return pageOf(await findAuditEvents(this.dataSource.manager, { entityType, entityId, actor, from, to }, query), query, (e) => e);
  }
}
