import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@caravan/identity';
import { ReceivableActivities } from './api/receivable.activities';
import { ReceivablesController } from './api/receivables.controller';
import { ConfirmationWorkflows, ReceivableRepository } from './application/ports';
import { ReceivableDocumentRepository, ReceivableDocumentsService } from './application/receivable-documents.service';
import { ReceivablesService } from './application/receivables.service';
import { CreateReceivables1764144000000 } from './infrastructure/migrations/1764144000000-create-receivables';
import { ReceivableDocuments1764145100000 } from './infrastructure/migrations/1764145100000-receivable-documents';
import { ReceivablePledges } from './infrastructure/receivable-pledges';
import { ReceivableDilutionEntity, ReceivableEntity } from './infrastructure/receivable.entity';
import { TemporalConfirmationWorkflows } from './infrastructure/temporal-confirmation.workflows';
import { TypeOrmReceivableRepository } from './infrastructure/typeorm-receivable.repository';
import { TypeOrmReceivableDocumentRepository } from './infrastructure/typeorm-receivable-document.repository';
import { ReceivablePrivileges1764146100000 } from './infrastructure/migrations/1764146100000-app-privileges';

export const RECEIVABLES_MIGRATIONS = [CreateReceivables1764144000000, ReceivableDocuments1764145100000, ReceivablePrivileges1764146100000];

@Module({
  imports: [TypeOrmModule.forFeature([ReceivableEntity, ReceivableDilutionEntity]), IdentityModule],
  controllers: [ReceivablesController],
  providers: [
    ReceivablesService,
    ReceivableDocumentsService,
    ReceivableActivities,
    { provide: ReceivableRepository, useClass: TypeOrmReceivableRepository },
    { provide: ReceivableDocumentRepository, useClass: TypeOrmReceivableDocumentRepository },
    { provide: ConfirmationWorkflows, useClass: TemporalConfirmationWorkflows },
    ReceivablePledges,
  ],
  exports: [ReceivablesService, ReceivableDocumentsService, ReceivableActivities, ReceivablePledges],
})
export class ReceivablesModule {}
