import { useEffect, useRef } from 'react';
import type { ActionType } from '@ant-design/pro-components';
import { api, download, Schema } from '../api';
import type { operations } from '../api-schema';
import type { Financing } from '../api-answers';
import { formatDate, formatMoney } from '../format';
import { useI18n } from '../i18n';
import { Badge, useLoad } from '../ui';
import { ListColumn, ListQuery, ListTable, pageQuery } from '../table';

export type Organisation = Schema<'OrganisationView'>;

/** The directory (every organisation, or those of one kind), to choose from or to name ids by. */
export function useOrganisations(kind?: Organisation['kind']): Organisation[] {
  return useLoad(() => api.GET('/organisations', { params: { query: { limit: 100, kind } } }), [kind]).data?.items ?? [];
}

export const stageTone = (stage: string) =>
  stage === 'CLOSED' || stage === 'REPAYING'
    ? 'good'
    : ['REJECTED', 'INELIGIBLE', 'EXPIRED', 'WITHDRAWN', 'DISBURSEMENT_FAILED'].includes(stage)
      ? 'bad'
      : 'warn';

const STAGES: Array<Financing['stage']> = [
  'ELIGIBILITY',
  'AWAITING_COUNTERPARTY',
  'AWAITING_RECOMMENDATION',
  'AWAITING_APPROVAL',
  'AWAITING_ACCEPTANCE',
  'DISBURSING',
  'REPAYING',
  'CLOSED',
  'INELIGIBLE',
  'REJECTED',
  'WITHDRAWN',
  'EXPIRED',
  'DISBURSEMENT_FAILED',
];

type FinancingQuery = NonNullable<operations['FinancingsController_list']['parameters']['query']>;

/**
 * Financings the caller may see, sorted, filtered and searched by the API (newest first, or
 * with `queue` the caller's to-do list, soonest deadline first, beside what is done), refreshed
 * every few seconds.
 */
export function FinancingTable({
  title,
  stage,
  queue = false,
  pollMs = 3000,
}: {
  title?: string;
  /** Only financings at this stage. */
  stage?: Financing['stage'];
  /** "To do / done" tabs: what awaits the caller's move, and the rest. */
  queue?: boolean;
  pollMs?: number;
}) {
  const { t, label, language } = useI18n();
  const actionRef = useRef<ActionType>(undefined);
  useEffect(() => {
    const timer = setInterval(() => actionRef.current?.reload(), pollMs);
    return () => clearInterval(timer);
  }, [pollMs]);
  const columns: Array<ListColumn<Financing>> = [
    { title: t('financings.ref'), dataIndex: 'ref', sorter: true, render: (_, f) => <a href={`#/financings/${f.id}`}>{f.ref}</a> },
    {
      title: t('financings.product'),
      dataIndex: 'product',
      render: (_, f) => label('product', f.product),
      exportValue: (f) => label('product', f.product),
    },
    {
      title: t('financings.amount'),
      dataIndex: 'amount',
      sorter: true,
      align: 'right',
      render: (_, f) => formatMoney(f.amount, f.currency),
    },
    {
      title: t('financings.stage'),
      dataIndex: 'stage',
      sorter: true,
      ...(stage ? {} : { filters: STAGES.map((s) => ({ text: label('stage', s), value: s })), filterMultiple: false }),
      render: (_, f) => <Badge tone={stageTone(f.stage)}>{label('stage', f.stage)}</Badge>,
      exportValue: (f) => label('stage', f.stage),
    },
    {
      title: t('financings.next'),
      key: 'next',
      render: (_, f) => (f.state?.waitingFor ? label('step', f.state.waitingFor.step) : '—'),
      exportValue: (f) => (f.state?.waitingFor ? label('step', f.state.waitingFor.step) : null),
    },
    {
      title: t('financings.deadline'),
      key: 'deadline',
      sorter: true,
      render: (_, f) => (f.state?.waitingFor ? formatDate(f.state.waitingFor.deadline, language, true) : '—'),
      exportValue: (f) => (f.state?.waitingFor ? formatDate(f.state.waitingFor.deadline, language, true) : null),
    },
  ];
  const load = (q: ListQuery) => {
    const todo = q.tab === 'todo';
    const query: FinancingQuery = {
      ...pageQuery<NonNullable<FinancingQuery['sort']>>(q),
      // the to-do list soonest deadline first unless the reader sorts it otherwise
      ...(todo && !q.sort ? { sort: 'deadline', order: 'asc' } : {}),
      stage: stage ?? q.filters.stage,
    };
    return api.GET('/financings', { params: { query } });
  };
  return (
    <ListTable<Financing>
      title={title ?? t('financings.title')}
      rowKey="id"
      columns={columns}
      actionRef={actionRef}
      searchHint={t('table.searchFinancings')}
      exportName={title ?? t('financings.title')}
      tabs={
        queue
          ? [
              { key: 'todo', label: t('table.todo') },
              { key: 'done', label: t('table.done') },
            ]
          : undefined
      }
      load={load}
    />
  );
}

/** A receivable's documents, each a download. */
export function Documents({ receivableId }: { receivableId: string }) {
  const { t } = useI18n();
  const { data } = useLoad(() => api.GET('/receivables/{id}/documents', { params: { path: { id: receivableId } } }), [receivableId]);
  if (!data || data.length === 0) return <span className="muted">{t('documents.none')}</span>;
  return (
    <ul className="plain">
      {data.map((d) => (
        <li key={d.id}>
          <button
            type="button"
            className="link"
            onClick={() => download('/receivables/{id}/documents/{documentId}', { path: { id: receivableId, documentId: d.id } }, d.name)}
            aria-label={t('documents.download', { name: d.name })}
          >
            {d.name}
          </button>
        </li>
      ))}
    </ul>
  );
}

export const byDeadline = (a: Financing, b: Financing) =>
  (a.state?.waitingFor?.deadline ?? '9999').localeCompare(b.state?.waitingFor?.deadline ?? '9999');
