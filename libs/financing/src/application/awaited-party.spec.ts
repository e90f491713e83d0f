import { REQUIRED_ROLES, Role } from '@caravan/access';
import { FinancingsController } from '../api/financings.controller';
import { partyOf } from './awaited-party';

const routeRoles = (handler: keyof FinancingsController): Role[] =>
  Reflect.getMetadata(REQUIRED_ROLES, FinancingsController.prototype[handler]);
const roles = (step: string, product: 'RECEIVABLE_FINANCING' | 'WAREHOUSE_RECEIPT_LOAN' = 'WAREHOUSE_RECEIPT_LOAN') =>
  partyOf(step, { product })!.roles;

describe('who must act', () => {
  it('names for each person’s step the roles its route lets act', () => {
    expect(roles('recommendation')).toEqual(routeRoles('recommend'));
    expect(roles('approval')).toEqual(routeRoles('approve'));
    expect(roles('acceptance')).toEqual(routeRoles('accept'));
    expect(roles('marginCall')).toEqual(routeRoles('topUp'));
    expect([...roles('counterparty', 'RECEIVABLE_FINANCING'), ...roles('counterparty')].sort()).toEqual(
      [...routeRoles('acknowledge')].sort(),
    );
  });

  it('asks the buyer to confirm a receivable and the custodian to confirm goods; the payer to repay', () => {
    expect(partyOf('counterparty', { product: 'RECEIVABLE_FINANCING' })).toEqual({
      side: 'COUNTERPARTY',
      roles: [Role.PAYABLES_CLERK, Role.TREASURER],
    });
    expect(partyOf('counterparty', { product: 'WAREHOUSE_RECEIPT_LOAN' })).toEqual({
      side: 'COUNTERPARTY',
      roles: [Role.CUSTODIAN_OFFICER],
    });
    expect(partyOf('repayment', { product: 'RECEIVABLE_FINANCING' })?.side).toBe('COUNTERPARTY');
    expect(partyOf('repayment', { product: 'WAREHOUSE_RECEIPT_LOAN' })?.side).toBe('SME');
    expect(partyOf('disbursed', { product: 'WAREHOUSE_RECEIPT_LOAN' })).toBeUndefined();
  });
});
