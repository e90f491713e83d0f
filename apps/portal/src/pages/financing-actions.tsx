import { FormEvent } from 'react';
import { useI18n } from '../i18n';
import type { Desk, Me } from '../me';
import { Field, Section } from '../ui';
import type { Financing, FinancingDetail } from '../api-answers';
import { OfferPanel, PaymentsMade } from './offer';
import { PaymentInstructionsPanel } from './repayment';
import type { Act, Step } from './financing-steps';

/** The API's word on why this approver's approval would not count, as the message to show; undefined when it would. */
const BLOCKERS: Record<string, 'own' | 'twice' | 'authority'> = {
  'FINANCING.OWN_RECOMMENDATION': 'own',
  'FINANCING.ALREADY_APPROVED_BY_YOU': 'twice',
  'FINANCING.ABOVE_AUTHORITY': 'authority',
};

const commentOf = (e: FormEvent<HTMLFormElement>) => (new FormData(e.currentTarget).get('comment') as string) || undefined;

/** What the reader's desk can do with the financing now: accept the offer, repay, acknowledge, decide. */
export function FinancingActions({ me, desk, f, act, error }: { me: Me; desk: Desk; f: FinancingDetail; act: Act; error: unknown }) {
  const { t } = useI18n();
  const waiting = f.state?.waitingFor?.step;
  return (
    <>
      {desk === 'sme' && f.stage === 'AWAITING_ACCEPTANCE' && <OfferPanel f={f} act={act} />}
      {desk !== 'custodian' && <PaymentInstructionsPanel f={f} />}
      {desk === 'sme' && (f.payments.length > 0 || f.contract?.kept) && <PaymentsMade f={f} />}
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
        <BankDecision me={me} f={f} waiting={waiting} act={act} error={error} />
      )}
    </>
  );
}

/** The bank's decision: recommend or approve as the reader's roles allow, or reject; the submit button says which. */
function BankDecision({ me, f, waiting, act, error }: { me: Me; f: Financing; waiting: string; act: Act; error: unknown }) {
  const { t } = useI18n();
  const blocker = f.yourApproval?.reason ? BLOCKERS[f.yourApproval.reason] : undefined;
  return (
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
          // the button pressed: recommend, approve or reject
          const step = (submitter?.value ?? waiting) as Step;
          void act(step, step === 'reject' ? { reason: commentOf(e) ?? '' } : { comment: commentOf(e) });
        }}
      >
        <Field
          label={t('common.comment')}
          name={error && (error as { about?: (f: string) => unknown }).about?.('reason') ? 'reason' : 'comment'}
          error={error}
        >
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
  );
}
