import { AUDIT_MIGRATIONS } from '@caravan/audit';
import { DATABASE_MIGRATIONS } from '@caravan/database';
import { DUAL_CONTROL_MIGRATIONS } from '@caravan/dual-control';
import { FINANCING_MIGRATIONS } from '@caravan/financing';
import { IDEMPOTENCY_MIGRATIONS } from '@caravan/idempotency';
import { IDENTITY_MIGRATIONS } from '@caravan/identity';
import { LEDGER_MIGRATIONS } from '@caravan/ledger';
import { LIMITS_MIGRATIONS } from '@caravan/limits';
import { RECEIVABLES_MIGRATIONS } from '@caravan/receivables';
import { RECONCILIATION_MIGRATIONS } from '@caravan/reconciliation';
import { REGISTRY_MIGRATIONS } from '@caravan/registry';
import { WAREHOUSE_RECEIPTS_MIGRATIONS } from '@caravan/warehouse-receipts';

/** Every context's migrations, in one list: the schema the apps expect and `npm run migrate` builds. */
export const MIGRATIONS = [
  ...DATABASE_MIGRATIONS,
  ...IDENTITY_MIGRATIONS,
  ...RECEIVABLES_MIGRATIONS,
  ...AUDIT_MIGRATIONS,
  ...REGISTRY_MIGRATIONS,
  ...LIMITS_MIGRATIONS,
  ...WAREHOUSE_RECEIPTS_MIGRATIONS,
  ...IDEMPOTENCY_MIGRATIONS,
  ...LEDGER_MIGRATIONS,
  ...FINANCING_MIGRATIONS,
  ...RECONCILIATION_MIGRATIONS,
  ...DUAL_CONTROL_MIGRATIONS,
];
