import { api } from '../api';
import type { Me } from '../me';
import { formatDate } from '../format';
import { useI18n } from '../i18n';
import { DataTable, ErrorNote, Section, useAction, useAsk, useLoad } from '../ui';

/** Whether an answer is a change sent to a second person (202) rather than one made. */
export const awaitsApproval = (answer: unknown) =>
  typeof answer === 'object' && answer !== null && (answer as { status?: string }).status === 'PENDING' && 'kind' in answer;

/**
 * The organisation's changes that await a second person: policy proposals, payments recorded
 * by hand, reversals, write-offs beyond the tolerance. One's own are shown, not decided.
 */
export function ApprovalsPanel({ me, tick = 0, onChange }: { me: Me; tick?: number; onChange?: () => void }) {
  const { t, label, language } = useI18n();
  const pending = useLoad(() => api.GET('/approval-requests', { params: { query: { status: 'PENDING', limit: 50 } } }), [tick], 5000);
  const { error, run } = useAction();
  const ask = useAsk();
  const decide = (id: string, verdict: 'approve' | 'reject') =>
    run(async () => {
      if (verdict === 'reject') {
        const title = t('approvals.reject');
        const reason = await ask({ title, input: t('approvals.rejectPrompt'), confirm: title, danger: true });
        if (reason === null) return;
        await api.POST('/approval-requests/{id}/reject', { params: { path: { id } }, body: { reason } });
      } else await api.POST('/approval-requests/{id}/approve', { params: { path: { id } }, body: {} });
      pending.reload();
      onChange?.();
    });
  const items = pending.data?.items ?? [];
  // the operator's readers see them, and decide nothing
  const checker = me.roles.some((r) => ['CREDIT_OFFICER', 'APPROVER', 'TREASURY', 'BACK_OFFICE'].includes(r));
  if (items.length === 0) return null;
  return (
    <Section title={t('approvals.title', { count: pending.data?.total ?? 0 })}>
      <ErrorNote error={error} />
      <DataTable
        caption={t('approvals.caption')}
        columns={[
          { label: t('approvals.when') },
          { label: t('approvals.kind') },
          { label: t('approvals.reason') },
          { label: t('approvals.by') },
          { label: t('common.actions') },
        ]}
      >
        {items.map((r) => (
          <tr key={r.id} data-request={r.id}>
            <td>{formatDate(r.requestedAt, language, true)}</td>
            <td>{label('approval', r.kind)}</td>
            <td>{r.reason ?? '—'}</td>
            <td>{r.requestedByName}</td>
            <td>
              {!checker ? null : r.requestedBy === me.id ? (
                <span className="muted">{t('approvals.own')}</span>
              ) : (
                <>
                  <button type="button" onClick={() => decide(r.id, 'approve')}>
                    {t('approvals.approve')}
                  </button>{' '}
                  <button type="button" className="link" onClick={() => decide(r.id, 'reject')}>
                    {t('approvals.reject')}
                  </button>
                </>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </Section>
  );
}
