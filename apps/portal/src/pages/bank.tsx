import { api } from '../api';
import type { Me } from '../me';
import { formatMoney, share } from '../format';
import { useI18n } from '../i18n';
import { DataTable, Section, useLoad, usePageTitle } from '../ui';
import { FinancingTable, useOrganisations } from './shared';
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

/** Limits a financing draws on, with what is used: shown beside an application. */
export function LimitsTable({ subjects }: { subjects: string[] }) {
  const { t, label } = useI18n();
  const organisations = useOrganisations();
  const limits = useLoad(() => api.GET('/credit-limits', { params: { query: { limit: 100 } } }), []);
  const rows = (limits.data?.items ?? []).filter((l) => subjects.includes(l.subject));
  return (
    <DataTable
      caption={t('limits.title')}
      columns={[
        { label: t('limits.kind') },
        { label: t('limits.subject') },
        { label: t('limits.amount'), numeric: true },
        { label: t('limits.utilised'), numeric: true },
        { label: t('limits.available'), numeric: true },
        { label: t('limits.share'), numeric: true },
      ]}
    >
      {rows.map((l) => (
        <tr key={l.id}>
          <td>{label('limit', l.kind)}</td>
          <td>{organisations.find((o) => o.id === l.subject)?.name ?? l.subject}</td>
          <td className="num">{formatMoney(l.amount, l.currency)}</td>
          <td className="num">{formatMoney(l.utilised, l.currency)}</td>
          <td className="num">{formatMoney(l.available, l.currency)}</td>
          <td className="num">{share(l.utilised, l.amount)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
