import type { DynamicModule, Type } from '@nestjs/common';
import { AuditModule } from '../../libs/audit/src';
import { ClockModule } from '../../libs/clock/src';
import { AppConfig, ConfigModule } from '../../libs/config/src';
import { DatabaseModule } from '../../libs/database/src';
import { DualControlModule } from '../../libs/dual-control/src';
import { IdentityModule } from '../../libs/identity/src';
import { FinancingModule } from '../../libs/financing/src';
import { LedgerModule } from '../../libs/ledger/src';
import { LimitsModule } from '../../libs/limits/src';
import { LoggingModule } from '../../libs/logging/src';
import { ReceivablePledges, ReceivablesModule } from '../../libs/receivables/src';
import { ReconciliationModule } from '../../libs/reconciliation/src';
import { RegistryModule } from '../../libs/registry/src';
import { TemporalClientModule } from '../../libs/temporal/src';
import { WarehouseReceiptPledges, WarehouseReceiptsModule } from '../../libs/warehouse-receipts/src';
import { MIGRATIONS } from './migrations';

/** What the API and the worker both run on: config, logs, database, Temporal client, contexts. */
export function coreModules(config: AppConfig): Array<DynamicModule | Type> {
  const registry = RegistryModule.register({
    imports: [ReceivablesModule, WarehouseReceiptsModule],
    assets: [ReceivablePledges, WarehouseReceiptPledges],
  });
  return [
    ConfigModule.forRoot(config),
    ClockModule,
    LoggingModule,
    DatabaseModule.forRoot({ migrations: MIGRATIONS }),
    TemporalClientModule,
    AuditModule,
    DualControlModule,
    IdentityModule,
    ReceivablesModule,
    WarehouseReceiptsModule,
    registry,
    LimitsModule,
    LedgerModule,
    FinancingModule.register(registry),
    ReconciliationModule,
  ];
}
