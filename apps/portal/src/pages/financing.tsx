import { FormEvent, useState } from 'react';
import { api } from '../api';
import type { Me } from '../me';
import { deskOf } from '../me';
import { formatDate, formatMoney } from '../format';
import { useI18n } from '../i18n';
import { Badge, ErrorNote, Field, Section, useAction, useLoad, usePageTitle } from '../ui';
import { LimitsTable } from './bank';
import { Financing, stageTone, useOrganisations } from './shared';
import { LineStatus, ScheduleTable } from './sme';

interface Event {
  seq: number;
  step: string;
  actor: string;
  detail: Record<string, unknown>;
  at: string;
}

/** The API's word on why this approver's approval would not count, as the message to show; undefined when it would. */
const BLOCKERS: Record<string, 'own' | 'twice' | 'authority'> = {
  'FINANCING.OWN_RECOMMENDATION': 'own',
  'FINANCING.ALREADY_APPROVED_BY_YOU': 'twice',
  'FINANCING.ABOVE_AUTHORITY': 'authority',
};

/** One financing, live: where it stands, who acts next and by when, its timeline and schedule. */
export function FinancingPage({ me, id }: { me: Me; id: string }) {
  const { t, label, language } = useI18n();
  const financing = useLoad(() => api<Financing>('GET', `/financings/${id}`), [id], 2000);
  const timeline = useLoad(() => api<Event[]>('GET', `/financings/${id}/timeline`), [id], 2000);
  const { error, run } = useAction();
  const [done, setDone] = useState<string>();
  const organisations = useOrganisations();
  const nameOf = (id: string) => organisations.find((o) => o.id === id)?.name ?? id.slice(0, 8);
  const f = financing.data;
  usePageTitle(f ? `${t('financing.title')} ${f.ref}` : t('financing.title'));
  if (financing.error) return <ErrorNote error={financing.error} />;
  if (!f) return <p>{t('common.loading')}</p>;

  const desk = deskOf(me.roles);
  const waiting = f.state?.waitingFor?.step;
  const act = (step: string, body: Record<string, unknown> = {}) =>
    run(async () => {
      await api('POST', `/financings/${f.id}/${step}`, body);
      setDone(step);
      financing.reload();
      timeline.reload();
    });
  const commentOf = (e: FormEvent<HTMLFormElement>) => (new FormData(e.currentTarget).get('comment') as string) || undefined;
  const blocker = f.yourApproval?.reason ? BLOCKERS[f.yourApproval.reason] : undefined;
  // lines fallen due are paid unless something is overdue; the next one is due; the rest are not yet
  const book = f.state?.book;
  const statusOf = (line: number): LineStatus =>
    f.stage === 'CLOSED' ? 'paid' : !book ? 'open' : line <= book.fallenDue ? (book.overdueSince === null ? 'paid' : 'overdue') : line === book.fallenDue + 1 ? 'due' : 'open';

  return (
    <>
      <h1>
        {t('financing.title')} {f.ref}
      </h1>
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
            {nameOf(f.counterpartyId)} · {f.state?.acknowledgedBy ? t('financing.acknowledgedBy', { who: f.state.acknowledgedBy }) : t('financing.notAcknowledged')}
          </dd>
          <dt>{t('financing.asset')}</dt>
          <dd>
            {label('asset', f.assetType)} <span className="muted">{f.assetId.slice(0, 8)}</span>
          </dd>
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
        </dl>
      </Section>

      {desk === 'sme' && f.stage === 'AWAITING_ACCEPTANCE' && (
        <Section title={t('financing.offer')}>
          <p>{t('financing.offerText', { amount: formatMoney(f.amount, f.currency), payable: formatMoney(f.state?.schedule?.totalPayable, f.currency) })}</p>
          <button type="button" onClick={() => act('accept')}>
            {t('financing.accept')}
          </button>
        </Section>
      )}
      {(desk === 'sme' || desk === 'buyer') && f.stage === 'REPAYING' && (
        <Section title={t('financing.repay')}>
          <p data-testid="repay-instructions">
            {t('financing.repayText')}
            <code data-testid="payment-reference">{f.paymentReference ?? f.ref}</code>
          </p>
        </Section>
      )}
      {(desk === 'buyer' || desk === 'custodian') && waiting === 'counterparty' && (
        <Section title={desk === 'buyer' ? t('financing.notice') : t('financing.control')}>
          <form onSubmit={(e) => (e.preventDefault(), act('acknowledge', { comment: commentOf(e) }))}>
            <Field label={t('common.comment')} name="comment" error={error}>
              {(p) => <textarea {...p} rows={2} />}
            </Field>
            <button type="submit">{desk === 'buyer' ? t('financing.acknowledge') : t('financing.confirmControl')}</button>
          </form>
        </Section>
      )}
      {desk === 'bank' && (waiting === 'recommendation' || waiting === 'approval') && (
        <Section title={t('financing.decision')}>
          {waiting === 'approval' && blocker && (
            <p className="warning" role="note" data-testid="approval-blocker">
              {t(`approval.${blocker}` as never)}
            </p>
          )}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
              const step = submitter?.value ?? waiting;
              void act(step, step === 'reject' ? { reason: commentOf(e) ?? '' } : { comment: commentOf(e) });
            }}
          >
            <Field label={t('common.comment')} name={error && (error as { about?: (f: string) => unknown }).about?.('reason') ? 'reason' : 'comment'} error={error}>
              {(p) => <textarea {...p} rows={2} />}
            </Field>
            <div className="buttons">
              {waiting === 'recommendation' && me.roles.includes('CREDIT_OFFICER') && (
                <button type="submit" value="recommend">
                  {t('financing.recommend')}
                </button>
              )}
              {waiting === 'approval' && me.roles.includes('APPROVER') && (
                <button type="submit" value="approve">
                  {t('financing.approve')}
                </button>
              )}
              <button type="submit" value="reject" className="danger">
                {t('financing.reject')}
              </button>
            </div>
          </form>
        </Section>
      )}
      {error ? <ErrorNote error={error} fields={['comment', 'reason']} /> : done ? <p role="status">{t('financing.done', { step: label('act', done) })}</p> : null}

      {desk === 'bank' && (
        <Section title={t('financing.limits')}>
          <LimitsTable subjects={[f.smeId, f.counterpartyId]} />
        </Section>
      )}
      {f.state?.schedule && (
        <Section title={t('schedule.title')}>
          <ScheduleTable lines={f.state.schedule.lines} statusOf={f.stage === 'REPAYING' || f.stage === 'CLOSED' ? statusOf : undefined} />
        </Section>
      )}
      <Section title={t('financing.timeline')}>
        <ol className="timeline" aria-live="polite">
          {(timeline.data ?? []).map((e) => (
            <li key={e.seq} data-step={e.step}>
              <time dateTime={e.at}>{formatDate(e.at, language, true)}</time> <strong>{label('step', e.step)}</strong> <span className="muted">{e.actor}</span>
            </li>
          ))}
        </ol>
      </Section>
    </>
  );
}
