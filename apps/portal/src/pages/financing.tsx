import { useState } from 'react';
import { api } from '../api';
import type { Awaiting, TimelineEvent } from '../api-answers';
import type { Me } from '../me';
import { deskOf } from '../me';
import { formatDate } from '../format';
import { I18n, useI18n } from '../i18n';
import { ErrorNote, Section, useAction, useLoad, usePageTitle } from '../ui';
import { DecisionPanel } from './decision';
import { FinancingActions } from './financing-actions';
import type { Act } from './financing-steps';
import { deadlineOf, FinancingSummary, whoActs } from './financing-summary';
import { actorText } from './names';
import { useOrganisations } from './shared';
import { AwaitedMovements, InstalmentsTable } from './repayment';
import { ScheduleTable } from './sme';

/** One financing, live: where it stands, who acts next and by when, its timeline and schedule. */
export function FinancingPage({ me, id }: { me: Me; id: string }) {
  const { t, label } = useI18n();
  const financing = useLoad(() => api.GET('/financings/{id}', { params: { path: { id } } }), [id], 2000);
  const timeline = useLoad(() => api.GET('/financings/{id}/timeline', { params: { path: { id } } }), [id], 2000);
  const { error, run } = useAction();
  const [done, setDone] = useState<string>();
  const organisations = useOrganisations();
  const nameOf = (id: string) => organisations.find((o) => o.id === id)?.name ?? id.slice(0, 8);
  const f = financing.data;
  usePageTitle(f ? `${t('financing.title')} ${f.ref}` : t('financing.title'));
  if (financing.error) return <ErrorNote error={financing.error} />;
  if (!f) return <p>{t('common.loading')}</p>;

  const desk = deskOf(me.roles);
  const act: Act = (step, body = {}) =>
    run(async () => {
      await api.POST(`/financings/{id}/${step}`, { params: { path: { id: f.id } }, body });
      setDone(step);
      financing.reload();
      timeline.reload();
    });

  return (
    <>
      <h1>
        {t('financing.title')} {f.ref}
      </h1>
      <FinancingSummary f={f} nameOf={nameOf} confirmedBy={confirmer(timeline.data, { t, label })} />

      {desk === 'bank' && <DecisionPanel id={f.id} />}
      <FinancingActions me={me} desk={desk} f={f} act={act} error={error} />
      {error ? (
        <ErrorNote error={error} fields={['comment', 'reason']} />
      ) : done ? (
        <p role="status">{t('financing.done', { step: label('act', done) })}</p>
      ) : null}

      {f.state?.schedule && (
        <Section title={t('schedule.title')}>
          {f.instalments.length > 0 ? <InstalmentsTable f={f} /> : <ScheduleTable lines={(f.offer?.schedule ?? f.state.schedule).lines} />}
        </Section>
      )}
      {(desk === 'bank' || desk === 'backOffice') && f.state?.book && <AwaitedMovements financingRef={f.ref} />}
      <Timeline events={timeline.data} />
    </>
  );
}

/** Who confirmed for the counterparty, by name and role: the timeline's step. */
function confirmer(events: TimelineEvent[] | undefined, i18n: Pick<I18n, 't' | 'label'>): string | undefined {
  const confirmed = events?.find((e) => e.step === 'counterparty.confirmed');
  return confirmed && actorText(confirmed.actor, i18n);
}

/** What happened to the financing so far, and whom each awaited step waits for; screen readers hear it grow. */
function Timeline({ events }: { events: TimelineEvent[] | undefined }) {
  const i18n = useI18n();
  const { t, label, language } = i18n;
  return (
    <Section title={t('financing.timeline')}>
      <ol className="timeline" aria-live="polite">
        {(events ?? []).map((e) => {
          const awaits = e.detail.awaits as Awaiting | undefined;
          return (
            <li key={e.seq} data-step={e.step}>
              <time dateTime={e.at}>{formatDate(e.at, language, true)}</time> <strong>{label('step', e.step)}</strong>{' '}
              {awaits ? (
                <span data-testid="awaits">
                  {t('awaiting.timeline', { who: whoActs(awaits, i18n), deadline: deadlineOf(awaits, language) })}
                </span>
              ) : (
                <span className="muted" data-testid="actor">
                  {actorText(e.actor, i18n)}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </Section>
  );
}
