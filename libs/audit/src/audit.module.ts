import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEventEntity } from './audit-event.entity';
import { AuditController } from './audit.controller';
import { AuditLog } from './audit-log';
import { CreateAuditEvents1764144100000 } from './migrations/1764144100000-create-audit-events';
import { AuditPrivileges1764146100000 } from './migrations/1764146100000-app-privileges';

export const AUDIT_MIGRATIONS = [CreateAuditEvents1764144100000, AuditPrivileges1764146100000];

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEventEntity])],
  controllers: [AuditController],
  providers: [AuditLog],
  exports: [AuditLog],
})
export class AuditModule {}
