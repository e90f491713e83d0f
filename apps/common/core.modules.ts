import type { DynamicModule, Type } from '@nestjs/common';
import { AUDIT_MIGRATIONS, AuditModule } from '../../libs/audit/src';
import { AppConfig, ConfigModule } from '../../libs/config/src';
import { DatabaseModule } from '../../libs/database/src';
import { IDENTITY_MIGRATIONS, IdentityModule } from '../../libs/identity/src';
import { FINANCING_MIGRATIONS, FinancingModule } from '../../libs/financing/src';
import { IDEMPOTENCY_MIGRATIONS } from '../../libs/idempotency/src';
import { LEDGER_MIGRATIONS, LedgerModule } from '../../libs/ledger/src';
import { LIMITS_MIGRATIONS, LimitsModule } from '../../libs/limits/src';
import { LoggingModule } from '../../libs/logging/src';
import { RECEIVABLES_MIGRATIONS, ReceivablePledges, ReceivablesModule } from '../../libs/receivables/src';
import { RECONCILIATION_MIGRATIONS, ReconciliationModule } from '../../libs/reconciliation/src';
import { REGISTRY_MIGRATIONS, RegistryModule } from '../../libs/registry/src';
import { TemporalClientModule } from '../../libs/temporal/src';
import { WAREHOUSE_RECEIPTS_MIGRATIONS, WarehouseReceiptPledges, WarehouseReceiptsModule } from '../../libs/warehouse-receipts/src';

/** Every context's migrations, in one list: the schema both apps migrate to. */
export const MIGRATIONS = [...IDENTITY_MIGRATIONS, ...RECEIVABLES_MIGRATIONS, ...AUDIT_MIGRATIONS, ...REGISTRY_MIGRATIONS, ...LIMITS_MIGRATIONS, ...WAREHOUSE_RECEIPTS_MIGRATIONS, ...IDEMPOTENCY_MIGRATIONS, ...LEDGER_MIGRATIONS, ...FINANCING_MIGRATIONS, ...RECONCILIATION_MIGRATIONS];

/** What the API and the worker both run on: config, logs, database, Temporal client, contexts. */
export function coreModules(config: AppConfig): Array<DynamicModule | Type> {
  const registry = RegistryModule.register({
    imports: [ReceivablesModule, WarehouseReceiptsModule],
    assets: [ReceivablePledges, WarehouseReceiptPledges],
  });
  return [
    ConfigModule.forRoot(config),
    LoggingModule,
    DatabaseModule.forRoot({ migrations: MIGRATIONS }),
    TemporalClientModule,
    AuditModule,
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
