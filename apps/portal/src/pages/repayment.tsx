import { api } from '../api';
import type { FinancingDetail, Instalment, PaymentInstructions } from '../api-answers';
import { formatDate, formatMoney } from '../format';
import { useI18n } from '../i18n';
import { Badge, DataTable, ErrorNote, Section, useLoad, usePageTitle } from '../ui';

// What a financing's repayment looks like to people: each instalment with what was paid and
// when, where and how the payer pays (and a notice to print for them), what the bank awaits.

const TONES = { PAID: 'good', OVERDUE: 'bad', DUE: 'warn', PARTLY_PAID: 'warn', UPCOMING: 'neutral' } as const;

/** The schedule as it is being repaid: each instalment's status, amounts paid and the days they were paid, as the API derives them. */
export function InstalmentsTable({ f }: { f: FinancingDetail }) {
  const { t, label, language } = useI18n();
  return (
    <DataTable
      caption={t('schedule.title')}
      columns={[
        { label: '#' },
        { label: t('schedule.due') },
        { label: t('schedule.principal'), numeric: true },
        { label: t('schedule.interest'), numeric: true },
        { label: t('schedule.paidPrincipal'), numeric: true },
        { label: t('schedule.paidInterest'), numeric: true },
        { label: t('schedule.paidPenalty'), numeric: true },
        { label: t('schedule.paidOn') },
        { label: t('common.status') },
      ]}
    >
      {f.instalments.map((i) => (
        <tr key={i.number} data-instalment={i.number}>
          <td>{i.number}</td>
          <td>{formatDate(i.dueDate, language)}</td>
          <td className="num">{formatMoney(i.due.principal, f.currency)}</td>
          <td className="num">{formatMoney(i.due.interest, f.currency)}</td>
          <td className="num" data-field="paid-principal">
            {formatMoney(i.paid.principal, f.currency)}
          </td>
          <td className="num" data-field="paid-interest">
            {formatMoney(i.paid.interest, f.currency)}
          </td>
          <td className="num" data-field="paid-penalty">
            {formatMoney(i.paid.penalty, f.currency)}
          </td>
          <td data-field="paid-on">{i.paidOn.map((d) => formatDate(d, language)).join(', ') || '—'}</td>
          <td data-field="status" data-status={i.status}>
            <Badge tone={TONES[i.status]}>{label('instalment', i.status)}</Badge>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

/** What is still owed on an instalment: its principal and interest less what was paid. */
function owed(i: Instalment): string {
  const cents = (v: string) => {
    const [w, f = ''] = v.split('.');
    return BigInt(w) * 100n + BigInt((f + '00').slice(0, 2));
  };
  const left = cents(i.due.principal) + cents(i.due.interest) - cents(i.paid.principal) - cents(i.paid.interest);
  const positive = left > 0n ? left : 0n;
  return `${positive / 100n}.${String(positive % 100n).padStart(2, '0')}`;
}

/** The collection account, the reference to quote, who pays and the payments awaited. */
function AccountFacts({ p }: { p: PaymentInstructions }) {
  const { t } = useI18n();
  return (
    <dl className="facts">
      <dt>{t('pay.payer')}</dt>
      <dd data-testid="pay-payer">{p.payer.name}</dd>
      <dt>{t('pay.accountName')}</dt>
      <dd data-testid="pay-account-name">{p.accountName ?? '—'}</dd>
      <dt>{t('pay.accountNumber')}</dt>
      <dd data-testid="pay-account-number">{p.accountNumber ?? '—'}</dd>
      <dt>{t('pay.bank')}</dt>
      <dd data-testid="pay-bank">{p.bank}</dd>
      <dt>{t('pay.reference')}</dt>
      <dd>
        <code data-testid="payment-reference">{p.reference}</code>
      </dd>
    </dl>
  );
}

function AwaitedTable({ p }: { p: PaymentInstructions }) {
  const { t, label, language } = useI18n();
  return (
    <DataTable
      caption={t('pay.awaited')}
      columns={[
        { label: t('pay.window') },
        { label: t('pay.amount'), numeric: true },
        { label: t('pay.remaining'), numeric: true },
        { label: t('common.status') },
      ]}
    >
      {p.awaited.map((m) => (
        <tr key={m.id}>
          <td>
            {formatDate(m.valueFrom, language)} – {formatDate(m.valueTo, language)}
          </td>
          <td className="num">{formatMoney(m.amount, m.currency)}</td>
          <td className="num">{formatMoney(m.remaining, m.currency)}</td>
          <td>{label('movement', m.status)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** How to repay, for the payer and the borrower: the bank's account and the reference, and a notice to print. */
export function PaymentInstructionsPanel({ f }: { f: FinancingDetail }) {
  const { t } = useI18n();
  const p = f.paymentInstructions;
  if (!p) return null;
  return (
    <Section title={t('financing.repay')} actions={<a href={`#/financings/${f.id}/notice`}>{t('pay.print')}</a>}>
      <p data-testid="repay-instructions">{p.accountNumber ? t('pay.text') : t('pay.noAccount')}</p>
      <AccountFacts p={p} />
      {p.awaited.length > 0 && <AwaitedTable p={p} />}
    </Section>
  );
}

/** A payment notice for the payer, to print: the account, the reference and what each instalment still asks. */
export function PaymentNoticePage({ id }: { id: string }) {
  const { t, label, language } = useI18n();
  const financing = useLoad(() => api.GET('/financings/{id}', { params: { path: { id } } }), [id]);
  const f = financing.data;
  usePageTitle(f ? `${t('notice.title')} ${f.ref}` : t('notice.title'));
  if (financing.error) return <ErrorNote error={financing.error} />;
  if (!f) return <p>{t('common.loading')}</p>;
  const p = f.paymentInstructions;
  return (
    <article className="notice">
      <p className="no-print">
        <a href={`#/financings/${f.id}`}>{t('notice.back')}</a>{' '}
        <button type="button" onClick={() => print()}>
          {t('notice.printButton')}
        </button>
      </p>
      <h1>
        {t('notice.title')} {f.ref}
      </h1>
      {p ? (
        <>
          <p>{t('notice.to', { payer: p.payer.name })}</p>
          <p>{t('notice.intro', { ref: f.ref })}</p>
          <AccountFacts p={p} />
          {p.awaited.length > 0 && <AwaitedTable p={p} />}
          {p.payer.organisationId === f.smeId && (
            <DataTable
              caption={t('schedule.title')}
              columns={[
                { label: '#' },
                { label: t('schedule.due') },
                { label: t('pay.remaining'), numeric: true },
                { label: t('common.status') },
              ]}
            >
              {f.instalments.map((i) => (
                <tr key={i.number}>
                  <td>{i.number}</td>
                  <td>{formatDate(i.dueDate, language)}</td>
                  <td className="num">{formatMoney(owed(i), f.currency)}</td>
                  <td>{label('instalment', i.status)}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      ) : (
        <p>{t('common.none')}</p>
      )}
    </article>
  );
}

/** For the bank's people: what their bank awaits on its statements (for one financing, or all, earliest window first). */
export function AwaitedMovements({ financingRef }: { financingRef?: string }) {
  const { t, label, language } = useI18n();
  const movements = useLoad(
    () => api.GET('/reconciliation/expected-movements', { params: { query: { financingRef, limit: 100 } } }),
    [financingRef],
    5000,
  );
  if (movements.error) return <ErrorNote error={movements.error} />;
  return (
    <Section title={t('movements.title')}>
      <DataTable
        caption={t('movements.caption')}
        columns={[
          { label: t('movements.kind') },
          ...(financingRef ? [] : [{ label: t('financing.title') }]),
          { label: t('movements.reference') },
          { label: t('pay.window') },
          { label: t('pay.amount'), numeric: true },
          { label: t('pay.remaining'), numeric: true },
          { label: t('movements.party') },
          { label: t('movements.account') },
          { label: t('common.status') },
        ]}
      >
        {(movements.data?.items ?? []).map((m) => (
          <tr key={m.id}>
            <td>{label('movementKind', m.kind)}</td>
            {!financingRef && <td>{m.financingRef}</td>}
            <td>
              <code>{m.reference}</code>
            </td>
            <td>
              {formatDate(m.valueFrom, language)} – {formatDate(m.valueTo, language)}
            </td>
            <td className="num">{formatMoney(m.amount, m.currency)}</td>
            <td className="num">{formatMoney(m.remaining, m.currency)}</td>
            <td>{m.payer ?? '—'}</td>
            <td>{m.account ?? '—'}</td>
            <td>{label('movement', m.status)}</td>
          </tr>
        ))}
      </DataTable>
    </Section>
  );
}

/** The bank's accounts: the number, the holder's name payers write, the currency and the ledger account it reconciles against. */
export function BankAccounts() {
  const { t } = useI18n();
  const accounts = useLoad(() => api.GET('/reconciliation/accounts'), []);
  if (accounts.error) return <ErrorNote error={accounts.error} />;
  return (
    <Section title={t('accounts.title')}>
      <DataTable
        caption={t('accounts.title')}
        columns={[
          { label: t('pay.accountNumber') },
          { label: t('pay.accountName') },
          { label: t('accounts.currency') },
          { label: t('accounts.ledger') },
        ]}
      >
        {(accounts.data ?? []).map((a) => (
          <tr key={a.account}>
            <td>{a.account}</td>
            <td>{a.name ?? '—'}</td>
            <td>{a.currency}</td>
            <td>{a.ledgerAccount}</td>
          </tr>
        ))}
      </DataTable>
    </Section>
  );
}
