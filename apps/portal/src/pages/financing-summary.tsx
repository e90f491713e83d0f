import { Fragment } from 'react';
import { formatDate, formatMoney } from '../format';
import { I18n, useI18n } from '../i18n';
import { Badge, Section } from '../ui';
import type { Awaiting, FinancingDetail } from '../api-answers';
import { AssetName } from './names';
import { stageTone } from './shared';

/** A financing's facts: its stage, product, parties and asset, then what its workflow adds. */
export function FinancingSummary({
  f,
  nameOf,
  confirmedBy,
}: {
  f: FinancingDetail;
  nameOf: (id: string) => string;
  /** Who confirmed for the counterparty, named (the state keeps their address). */
  confirmedBy?: string;
}) {
  const { t, label } = useI18n();
  return (
    <Section title={t('financing.summary')}>
      <dl className="facts">
        <dt>{t('financings.stage')}</dt>
        <dd>
          <Badge tone={stageTone(f.stage)}>
            <span data-testid="stage">{label('stage', f.stage)}</span>
          </Badge>
        </dd>
        <dt>{t('financings.product')}</dt>
        <dd>{label('product', f.product)}</dd>
        <dt>{t('financings.amount')}</dt>
        <dd>{formatMoney(f.amount, f.currency)}</dd>
        <dt>{t('financing.borrower')}</dt>
        <dd>{nameOf(f.smeId)}</dd>
        <dt>{f.product === 'RECEIVABLE_FINANCING' ? t('financing.buyer') : t('financing.custodian')}</dt>
        <dd>
          {nameOf(f.counterpartyId)} ·{' '}
          {f.state?.acknowledgedBy ? t('financing.acknowledgedBy', { who: confirmedBy ?? '—' }) : t('financing.notAcknowledged')}
        </dd>
        <dt>{t('financing.asset')}</dt>
        <dd>
          <AssetName assetType={f.assetType} assetId={f.assetId} />
        </dd>
        <StateFacts f={f} />
      </dl>
    </Section>
  );
}

/** The facts that come and go as the workflow moves: who acts next and by when, approvals, ageing, what is owed. */
function StateFacts({ f }: { f: FinancingDetail }) {
  const i18n = useI18n();
  const { t, label, language } = i18n;
  return (
    <>
      {f.awaiting && (
        <>
          <dt>{t('financings.next')}</dt>
          <dd>
            <span data-testid="waiting-for">{label('step', f.awaiting.step)}</span> ·{' '}
            <span data-testid="awaiting-who">{whoActs(f.awaiting, i18n)}</span>
          </dd>
          <dt>{t('financings.deadline')}</dt>
          <dd data-testid="awaiting-deadline">{deadlineOf(f.awaiting, language)}</dd>
        </>
      )}
      {f.state?.approvalsNeeded !== undefined && (
        <>
          <dt>{t('financing.approvals')}</dt>
          <dd>
            {f.state.approvals.filter((a) => a.counts).length} / {f.state.approvalsNeeded}
          </dd>
        </>
      )}
      {f.state?.ageing && (
        <>
          <dt>{t('financing.ageing')}</dt>
          <dd>{label('ageing', f.state.ageing)}</dd>
        </>
      )}
      {f.state?.book && (
        <>
          <dt>{t('financing.outstanding')}</dt>
          <dd>{formatMoney(f.state.book.outstanding, f.currency)}</dd>
        </>
      )}
      {f.surplusPayouts.map((s, i) => (
        <Fragment key={i}>
          <dt>{t('financing.surplus')}</dt>
          <dd data-testid="surplus">
            {t(`surplus.${s.status}`, { amount: formatMoney(s.amount, f.currency), date: formatDate(s.paidOn, language) })}
          </dd>
        </Fragment>
      ))}
      {f.state?.marginCall && (
        <>
          <dt>{t('financing.marginCall')}</dt>
          <dd>
            {label('margin', f.state.marginCall.status)} · {formatDate(f.state.marginCall.cureBy, language, true)}
          </dd>
        </>
      )}
      {f.reason && (
        <>
          <dt>{t('financing.reason')}</dt>
          <dd>{f.reason}</dd>
        </>
      )}
    </>
  );
}

/** The organisation that must act and the roles of its people who may. */
export function whoActs(a: Awaiting, { t, label, language }: I18n): string {
  return t('awaiting.who', {
    organisation: a.organisation,
    roles: a.roles.map((r) => label('role', r)).join(language === 'en' ? ', ' : '、'),
  });
}

/** A person's step is due at an instant, a payment on a date. */
export function deadlineOf(a: Awaiting, language: string): string {
  return formatDate(a.deadline, language, !/^\d{4}-\d{2}-\d{2}$/.test(a.deadline));
}
