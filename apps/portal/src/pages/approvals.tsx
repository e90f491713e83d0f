import { useEffect, useRef, useState } from 'react';
import type { ActionType } from '@ant-design/pro-components';
import { api } from '../api';
import type { ApprovalRequest } from '../api-answers';
import type { operations } from '../api-schema';
import type { Me } from '../me';
import { formatDate } from '../format';
import { useI18n } from '../i18n';
import { ErrorNote, Section, useAction, useAsk } from '../ui';
import { ListColumn, ListTable, pageQuery } from '../table';

/** Whether an answer is a change sent to a second person (202) rather than one made. */
export const awaitsApproval = (answer: unknown) =>
  typeof answer === 'object' && answer !== null && (answer as { status?: string }).status === 'PENDING' && 'kind' in answer;

type RequestSort = NonNullable<NonNullable<operations['DualControlController_list']['parameters']['query']>['sort']>;

const REQUEST_STATUS = {
  PENDING: 'table.requestPending',
  APPROVED: 'table.requestApproved',
  REJECTED: 'table.requestRejected',
  CANCELLED: 'table.requestCancelled',
  FAILED: 'table.requestFailed',
} as const;

/**
 * The organisation's changes that await a second person (policy proposals, payments recorded
 * by hand, reversals, write-offs beyond the tolerance) and, beside them, those decided. One's
 * own are shown, not decided.
 */
export function ApprovalsPanel({ me, tick = 0, onChange }: { me: Me; tick?: number; onChange?: () => void }) {
  const { t, label, language } = useI18n();
  const [pending, setPending] = useState<number>();
  const actionRef = useRef<ActionType>(undefined);
  useEffect(() => {
    const timer = setInterval(() => actionRef.current?.reload(), 5000);
    return () => clearInterval(timer);
  }, []);
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
      actionRef.current?.reload();
      onChange?.();
    });
  // the operator's readers see them, and decide nothing
  const checker = me.roles.some((r) => ['CREDIT_OFFICER', 'APPROVER', 'TREASURY', 'BACK_OFFICE'].includes(r));
  const columns: Array<ListColumn<ApprovalRequest>> = [
    { title: t('approvals.when'), dataIndex: 'requestedAt', sorter: true, render: (_, r) => formatDate(r.requestedAt, language, true) },
    {
      title: t('approvals.kind'),
      dataIndex: 'kind',
      sorter: true,
      render: (_, r) => label('approval', r.kind),
      exportValue: (r) => label('approval', r.kind),
    },
    { title: t('approvals.reason'), dataIndex: 'reason', render: (_, r) => r.reason ?? '—' },
    { title: t('approvals.by'), dataIndex: 'requestedByName' },
    {
      title: t('table.status'),
      dataIndex: 'status',
      sorter: true,
      render: (_, r) => t(REQUEST_STATUS[r.status]),
      exportValue: (r) => t(REQUEST_STATUS[r.status]),
    },
    {
      title: t('common.actions'),
      valueType: 'option',
      render: (_, r) =>
        r.status !== 'PENDING' ? (
          (r.decidedByName ?? null)
        ) : !checker ? null : r.requestedBy === me.id ? (
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
        ),
    },
  ];
  return (
    <Section title={t('approvals.title', { count: pending ?? 0 })}>
      <ErrorNote error={error} />
      <ListTable<ApprovalRequest>
        title={t('approvals.caption')}
        rowKey="id"
        columns={columns}
        actionRef={actionRef}
        params={{ tick }}
        searchHint={t('table.searchRequests')}
        exportName={t('approvals.caption')}
        tabs={[
          { key: 'todo', label: t('table.todo') },
          { key: 'done', label: t('table.done') },
        ]}
        load={async (q) => {
          const page = await api.GET('/approval-requests', { params: { query: pageQuery<RequestSort>(q) } });
          if (q.tab === 'todo' && !q.q) setPending(page.total);
          return page;
        }}
      />
    </Section>
  );
}
