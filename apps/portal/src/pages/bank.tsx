import { api } from '../api';
import type { Financing } from '../api-answers';
import type { Me } from '../me';
import { formatMoney, share } from '../format';
import { useI18n } from '../i18n';
import { BarChart, DataTable, Section, useLoad, usePageTitle } from '../ui';
import { byDeadline, FinancingTable, useOrganisations } from './shared';
import { ApprovalsPanel } from './approvals';
import { BankAccounts } from './repayment';

const BUCKETS = ['CURRENT', '1-30', '31-60', '61-90', '90+'];

/** The bank officer's work queue: what waits for the bank, soonest deadline first. */
export function BankHome({ me }: { me: Me }) {
  const { t } = useI18n();
  usePageTitle(t('bank.title'));
  const mine = (f: Financing) => {
    const step = f.state?.waitingFor?.step;
    return (step === 'recommendation' && me.roles.includes('CREDIT_OFFICER')) || (step === 'approval' && me.roles.includes('APPROVER'));
  };
  return (
    <>
      <h1>{t('bank.title')}</h1>
      <Section title={t('bank.queue')}>
        <FinancingTable filter={mine} sort={byDeadline} />
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

/** The portfolio: outstanding principal by ageing bucket, and how much of each limit is used. */
export function PortfolioPage() {
  const { t, label } = useI18n();
  usePageTitle(t('portfolio.title'));
  const financings = useLoad(() => api.GET('/financings', { params: { query: { stage: 'REPAYING', limit: 100 } } }), []);
  const limits = useLoad(() => api.GET('/credit-limits', { params: { query: { limit: 100 } } }), []);
  const organisations = useOrganisations();
  const cents = (v: string) => {
    const [w, f = ''] = v.split('.');
    return BigInt(w) * 100n + BigInt((f + '00').slice(0, 2));
  };
  const asAmount = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;
  const byBucket = BUCKETS.map((bucket) => {
    const total = (financings.data?.items ?? [])
      .filter((f) => (f.state?.ageing ?? 'CURRENT') === bucket)
      .reduce((sum, f) => sum + cents(f.state?.book?.outstanding ?? f.amount), 0n);
    return { label: label('ageing', bucket), value: asAmount(total), shown: formatMoney(asAmount(total)) };
  });
  const utilisation = (limits.data?.items ?? []).map((l) => ({
    label: organisations.find((o) => o.id === l.subject)?.name.slice(0, 8) ?? l.subject.slice(0, 8),
    value: l.utilised,
    shown: `${share(l.utilised, l.amount)} · ${formatMoney(l.utilised, l.currency)}`,
  }));
  return (
    <>
      <h1>{t('portfolio.title')}</h1>
      <div className="two">
        <Section title={t('portfolio.ageing')}>
          <BarChart title={t('portfolio.ageing')} bars={byBucket} />
        </Section>
        <Section title={t('portfolio.limits')}>
          <BarChart title={t('portfolio.limits')} bars={utilisation} />
        </Section>
      </div>
    </>
  );
}
