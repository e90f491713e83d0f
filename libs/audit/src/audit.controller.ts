import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import { And, DataSource, FindOperator, ILike, LessThan, MoreThanOrEqual } from 'typeorm';
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

/** A LIKE pattern matching `text` anywhere, its own % and _ taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The instants `from` (inclusive) to `to` (exclusive), either open. */
function within(from?: string, to?: string): FindOperator<Date> | undefined {
  const bounds = [from && MoreThanOrEqual(new Date(from)), to && LessThan(new Date(to))].filter((b): b is FindOperator<Date> => !!b);
  return bounds.length > 1 ? And(...bounds) : bounds[0];
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-events')
export class AuditController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The trail, newest first, for the platform's auditors and admins: by object, who acted and when. */
  @Get()
  @Roles(Role.AUDITOR, Role.ADMIN)
  async list(@Query() query: AuditQuery): Promise<Page<AuditEventEntity>> {
    const occurredAt = within(query.from, query.to);
    const where = {
      ...(query.entityType && { entityType: query.entityType }),
      ...(query.entityId && { entityId: query.entityId }),
      ...(query.actor && { actorLabel: ILike(containing(query.actor)) }),
      ...(occurredAt && { occurredAt }),
    };
    const found = await this.dataSource
      .getRepository(AuditEventEntity)
      .findAndCount({ where, order: { id: 'DESC' }, take: query.limit, skip: query.offset });
    return pageOf(found, query, (e) => e);
  }
}
