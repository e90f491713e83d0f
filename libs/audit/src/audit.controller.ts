import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { Page, PageQuery, pageOf } from '@caravan/http';
import { Role, Roles } from '@caravan/access';
import { AuditEventEntity } from './audit-event.entity';

export class AuditQuery extends PageQuery {
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
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-events')
export class AuditController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The trail, newest first, for the platform's auditors and admins. */
  @Get()
  @Roles(Role.AUDITOR, Role.ADMIN)
  async list(@Query() query: AuditQuery): Promise<Page<AuditEventEntity>> {
    const where = { ...(query.entityType && { entityType: query.entityType }), ...(query.entityId && { entityId: query.entityId }) };
    const found = await this.dataSource
      .getRepository(AuditEventEntity)
      .findAndCount({ where, order: { id: 'DESC' }, take: query.limit, skip: query.offset });
    return pageOf(found, query, (e) => e);
  }
}
