import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ReceivableActivities } from './api/receivable.activities';
import { ReceivablesController } from './api/receivables.controller';
import { ConfirmationWorkflows, ReceivableRepository } from './application/ports';
import { ReceivablesService } from './application/receivables.service';
import { CreateReceivables1764144000000 } from './infrastructure/migrations/1764144000000-create-receivables';
import { ReceivableEventEntity } from './infrastructure/receivable-event.entity';
import { ReceivableEntity } from './infrastructure/receivable.entity';
import { TemporalConfirmationWorkflows } from './infrastructure/temporal-confirmation.workflows';
import { TypeOrmReceivableRepository } from './infrastructure/typeorm-receivable.repository';

export const RECEIVABLES_MIGRATIONS = [CreateReceivables1764144000000];

@Module({
  imports: [TypeOrmModule.forFeature([ReceivableEntity, ReceivableEventEntity])],
  controllers: [ReceivablesController],
  providers: [
    ReceivablesService,
    ReceivableActivities,
    { provide: ReceivableRepository, useClass: TypeOrmReceivableRepository },
    { provide: ConfirmationWorkflows, useClass: TemporalConfirmationWorkflows },
  ],
  exports: [ReceivablesService, ReceivableActivities],
})
export class ReceivablesModule {}
