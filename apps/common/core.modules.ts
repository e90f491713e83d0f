import type { DynamicModule, Type } from '@nestjs/common';
import { AuditModule } from '@caravan/audit';
import { ClockModule } from '@caravan/clock';
import { AppConfig, ConfigModule } from '@caravan/config';
import { DatabaseModule } from '@caravan/database';
import { DualControlModule } from '@caravan/dual-control';
import { IdentityModule } from '@caravan/identity';
import { FinancingModule, TemporalPaymentForwarding } from '@caravan/financing';
import { LedgerModule } from '@caravan/ledger';
import { LimitsModule } from '@caravan/limits';
import { LoggingModule } from '@caravan/logging';
import { ReceivablePledges, ReceivablesModule } from '@caravan/receivables';
import { ReconciliationModule } from '@caravan/reconciliation';
import { RegistryModule } from '@caravan/registry';
import { TemporalClientModule } from '@caravan/temporal';
import { TracingModule } from '@caravan/tracing';
import { WarehouseReceiptPledges, WarehouseReceiptsModule } from '@caravan/warehouse-receipts';
import { MIGRATIONS } from './migrations';

/** What the API and the worker both run on: config, logs, database, Temporal client, contexts. */
export function coreModules(config: AppConfig): Array<DynamicModule | Type> {
  const registry = RegistryModule.register({
    imports: [ReceivablesModule, WarehouseReceiptsModule],
    assets: [ReceivablePledges, WarehouseReceiptPledges],
  });
  const reconciliation = ReconciliationModule.register({ forwarding: TemporalPaymentForwarding });
  return [
    ConfigModule.forRoot(config),
    ClockModule,
    LoggingModule,
    TracingModule,
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
    FinancingModule.register(registry, reconciliation),
    reconciliation,
  ];
}
