import type { Me } from '../me';
import { useI18n } from '../i18n';
import { Section, usePageTitle } from '../ui';
import { FinancingTable } from './shared';
import { ApprovalsPanel } from './approvals';
import { BankAccounts } from './repayment';

/** The bank officer's work queue: what waits for their move (soonest deadline first) and what is done; then every financing. */
export function BankHome({ me }: { me: Me }) {
  const { t } = useI18n();
  usePageTitle(t('bank.title'));
  return (
    <>
      <h1>{t('bank.title')}</h1>
      <Section title={t('bank.queue')}>
        <FinancingTable title={t('table.queue')} queue />
      </Section>
      <ApprovalsPanel me={me} />
      <Section title={t('financings.title')}>
        <FinancingTable />
      </Section>
      <BankAccounts />
    </>
  );
}
