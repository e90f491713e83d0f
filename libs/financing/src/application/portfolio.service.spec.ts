import { OrganisationKind } from '@caravan/access';
import type { ScopedDatabase } from '@caravan/database';
import { PortfolioService } from './portfolio.service';

describe('PortfolioService', () => {
  it('finds no bank for anyone but a bank (a 404 with a code, never a 500), should a route let one through', async () => {
    const db = { transaction: (_scope: unknown, work: (em: unknown) => unknown) => work({}) } as unknown as ScopedDatabase;
    const sme = { userId: 'u', email: 'e', organisationId: 'o', organisationKind: OrganisationKind.SME, roles: [] };
    await expect(new PortfolioService(db).buckets(sme)).rejects.toMatchObject({ code: 'FINANCING.BANK_NOT_FOUND', kind: 'not_found' });
  });
});
