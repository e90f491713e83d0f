import { formatDate, formatMoney } from '../format';
import { useI18n } from '../i18n';
import { Badge, Section } from '../ui';
import type { Financing } from '../api-answers';
import { stageTone } from './shared';

/** A financing's facts: its stage, product, parties and asset, then what its workflow adds. */
export function FinancingSummary({ f, nameOf }: { f: Financing; nameOf: (id: string) => string }) {
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
          {f.state?.acknowledgedBy ? t('financing.acknowledgedBy', { who: f.state.acknowledgedBy }) : t('financing.notAcknowledged')}
        </dd>
        <dt>{t('financing.asset')}</dt>
        <dd>
          {label('asset', f.assetType)} <span className="muted">{f.assetId.slice(0, 8)}</span>
        </dd>
        <StateFacts f={f} />
      </dl>
    </Section>
  );
}

/** The facts that come and go as the workflow moves: who acts next and by when, approvals, ageing, what is owed. */
function StateFacts({ f }: { f: Financing }) {
  const { t, label, language } = useI18n();
  return (
    <>
      {f.state?.waitingFor && (
        <>
          <dt>{t('financings.next')}</dt>
          <dd data-testid="waiting-for">{label('step', f.state.waitingFor.step)}</dd>
          <dt>{t('financings.deadline')}</dt>
          <dd>{formatDate(f.state.waitingFor.deadline, language, true)}</dd>
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
