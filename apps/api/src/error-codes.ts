import type { OpenAPIObject } from '@nestjs/swagger';
import { RoleErrors } from '@caravan/access';
import { DualControlErrors } from '@caravan/dual-control';
import { listCodes } from '@caravan/errors';
import { FinancingErrors, PaymentErrors } from '@caravan/financing';
import { HttpErrors, RequestErrors, STATUS_BY_KIND } from '@caravan/http';
import { IdempotencyErrors } from '@caravan/idempotency';
import { AuthErrors, IdentityErrors } from '@caravan/identity';
import { LedgerErrors } from '@caravan/ledger';
import { LimitErrors } from '@caravan/limits';
import { MoneyErrors } from '@caravan/money';
import { ReceivableErrors } from '@caravan/receivables';
import { ReconciliationErrors } from '@caravan/reconciliation';
import { RegistryErrors } from '@caravan/registry';
import { WarehouseErrors } from '@caravan/warehouse-receipts';

/** Every context's catalogue: the codes a problem+json answer of this API can carry. */
export const ERROR_CODES = listCodes(
  AuthErrors,
  IdentityErrors,
  RoleErrors,
  DualControlErrors,
  FinancingErrors,
  PaymentErrors,
  IdempotencyErrors,
  LedgerErrors,
  LimitErrors,
  MoneyErrors,
  ReceivableErrors,
  ReconciliationErrors,
  RegistryErrors,
  RequestErrors,
  HttpErrors,
  WarehouseErrors,
);

/**
 * Lists the codes in the OpenAPI document: `ErrorCode` (each with its status and meaning, in
 * `x-codes`) and the `Problem` body that carries one, so clients can switch on codes they know.
 */
export function withErrorCodes(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components ??= {}).schemas ?? {};
  const errorCode = {
    type: 'string' as const,
    description: 'A refusal’s stable code. Besides these, `HTTP.<status>` for a plain HTTP refusal and `INTERNAL` for a fault.',
    enum: ERROR_CODES.map((c) => c.code),
    'x-codes': ERROR_CODES.map((c) => ({ code: c.code, status: STATUS_BY_KIND[c.kind], summary: c.summary })),
  };
  schemas.ErrorCode = errorCode;
  schemas.Problem = {
    type: 'object',
    description: 'RFC 9457 problem details (application/problem+json) with a stable code.',
    required: ['type', 'title', 'status', 'code'],
    properties: {
      type: { type: 'string' },
      title: { type: 'string' },
      status: { type: 'integer' },
      code: { $ref: '#/components/schemas/ErrorCode' },
      detail: { type: 'string' },
      errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
    },
  };
  document.components.schemas = schemas;
  return document;
}
