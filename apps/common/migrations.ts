import { AUDIT_MIGRATIONS } from '../../libs/audit/src';
import { DATABASE_MIGRATIONS } from '../../libs/database/src';
import { DUAL_CONTROL_MIGRATIONS } from '../../libs/dual-control/src';
import { FINANCING_MIGRATIONS } from '../../libs/financing/src';
import { IDEMPOTENCY_MIGRATIONS } from '../../libs/idempotency/src';
import { IDENTITY_MIGRATIONS } from '../../libs/identity/src';
import { LEDGER_MIGRATIONS } from '../../libs/ledger/src';
import { LIMITS_MIGRATIONS } from '../../libs/limits/src';
import { RECEIVABLES_MIGRATIONS } from '../../libs/receivables/src';
import { RECONCILIATION_MIGRATIONS } from '../../libs/reconciliation/src';
import { REGISTRY_MIGRATIONS } from '../../libs/registry/src';
import { WAREHOUSE_RECEIPTS_MIGRATIONS } from '../../libs/warehouse-receipts/src';

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
