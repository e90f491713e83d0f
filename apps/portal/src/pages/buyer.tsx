import { Dispatch, SetStateAction, useState } from 'react';
import { api, Schema } from '../api';
import type { operations } from '../api-schema';
import type { Financing } from '../api-answers';
import type { Me } from '../me';
import { formatDate, formatMoney, formatTotal } from '../format';
import { useI18n } from '../i18n';
import { DataTable, ErrorNote, Section, useAsk, useLoad, usePageTitle } from '../ui';
import { ListColumn, ListTable, pageQuery } from '../table';
import { byDeadline, Documents, FinancingTable, Organisation, useOrganisations } from './shared';

type Receivable = Schema<'ReceivableView'>;

/** A selection with one item added, or taken away if it was there. */
const toggle = (set: Set<string>, id: string) => {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
};

/** Makes the decisions one call after another, then reports how many went through. */
type Decide = (ids: string[], call: (id: string) => Promise<unknown>) => Promise<void>;

/**
 * The core enterprise's queue: receivables its suppliers submitted, to confirm or dispute in
 * bulk, and the assignment notices of financings against them.
 */
export function BuyerHome(_props: { me: Me }) {
  const { t } = useI18n();
  usePageTitle(t('buyer.title'));
  const suppliers = useOrganisations('SME');
  const queue = useLoad(() => api.GET('/receivables', { params: { query: { status: 'SUBMITTED', limit: 100 } } }), [], 3000);
  const notices = useLoad(() => api.GET('/financings', { params: { query: { stage: 'AWAITING_COUNTERPARTY', limit: 100 } } }), [], 3000);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [selectedNotices, setSelectedNotices] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>();
  const [result, setResult] = useState<string>();

  /** One call per item: each confirmation is its own decision in the workflow and the audit trail. */
  const decide: Decide = async (ids, call) => {
    setError(undefined);
    setResult(undefined);
    let ok = 0;
    for (const id of ids) {
      try {
        await call(id);
        ok += 1;
      } catch (err) {
        setError(err);
      }
    }
    setResult(t('buyer.done', { count: ok }));
    setSelected(new Set());
    setSelectedNotices(new Set());
    queue.reload();
    notices.reload();
  };

  return (
    <>
      <h1>{t('buyer.title')}</h1>
      <ReceivablesQueue
        items={queue.data?.items ?? []}
        suppliers={suppliers}
        selected={selected}
        setSelected={setSelected}
        decide={decide}
      />
      <AnsweredReceivables suppliers={suppliers} tick={result} />
      <AssignmentNotices items={notices.data?.items ?? []} selected={selectedNotices} setSelected={setSelectedNotices} decide={decide} />
      <ErrorNote error={error} />
      {result && <p role="status">{result}</p>}
      <Section title={t('financings.title')}>
        <FinancingTable />
      </Section>
    </>
  );
}

interface Selection {
  selected: Set<string>;
  setSelected: Dispatch<SetStateAction<Set<string>>>;
  decide: Decide;
}

/** Submitted receivables, each with its documents, to confirm or dispute together. */
function ReceivablesQueue({
  items,
  suppliers,
  selected,
  setSelected,
  decide,
}: Selection & { items: Receivable[]; suppliers: Organisation[] }) {
  const { t, language } = useI18n();
  const selectAll = (
    <input
      type="checkbox"
      aria-label={t('common.selectAll')}
      checked={items.length > 0 && selected.size === items.length}
      onChange={(e) => setSelected(e.target.checked ? new Set(items.map((r) => r.id)) : new Set())}
    />
  );
  return (
    <Section title={t('buyer.queue')} actions={<QueueActions items={items} selected={selected} decide={decide} />}>
      {items.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <DataTable
          caption={t('buyer.queue')}
          columns={[
            { label: selectAll },
            { label: t('receivables.invoice') },
            { label: t('buyer.supplier') },
            { label: t('receivables.amount'), numeric: true },
            { label: t('receivables.issued') },
            { label: t('receivables.due') },
            { label: t('documents.title') },
          ]}
        >
          {items.map((r) => (
            <tr key={r.id} data-invoice={r.invoiceNumber}>
              <td>
                <input
                  type="checkbox"
                  aria-label={t('common.select', { item: r.invoiceNumber })}
                  checked={selected.has(r.id)}
                  onChange={() => setSelected((s) => toggle(s, r.id))}
                />
              </td>
              <td>{r.invoiceNumber}</td>
              <td>{suppliers.find((s) => s.id === r.creditorId)?.name ?? r.creditorId}</td>
              <td className="num">{formatMoney(r.amount)}</td>
              <td>{formatDate(r.issueDate, language)}</td>
              <td>{formatDate(r.dueDate, language)}</td>
              <td>
                <Documents receivableId={r.id} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </Section>
  );
}

type ReceivableSort = NonNullable<NonNullable<operations['ReceivablesController_list']['parameters']['query']>['sort']>;

/** What the buyer has answered (confirmed, disputed and after): the queue's "done" side, sorted, searched and exported by the API. */
function AnsweredReceivables({ suppliers, tick }: { suppliers: Organisation[]; tick: unknown }) {
  const { t, label, language } = useI18n();
  const supplierOf = (r: Receivable) => suppliers.find((s) => s.id === r.creditorId)?.name ?? r.creditorId;
  const columns: Array<ListColumn<Receivable>> = [
    { title: t('receivables.invoice'), dataIndex: 'invoiceNumber', sorter: true },
    { title: t('buyer.supplier'), dataIndex: 'creditorId', render: (_, r) => supplierOf(r), exportValue: supplierOf },
    { title: t('receivables.amount'), dataIndex: 'amount', sorter: true, align: 'right', render: (_, r) => formatMoney(r.amount) },
    { title: t('receivables.due'), dataIndex: 'dueDate', sorter: true, render: (_, r) => formatDate(r.dueDate, language) },
    {
      title: t('table.status'),
      dataIndex: 'status',
      sorter: true,
      render: (_, r) => label('receivable', r.status),
      exportValue: (r) => label('receivable', r.status),
    },
  ];
  return (
    <Section title={t('table.buyerAnswered')}>
      <ListTable<Receivable>
        title={t('table.buyerAnswered')}
        rowKey="id"
        columns={columns}
        params={{ tick }}
        searchHint={t('table.searchReceivables')}
        exportName={t('table.buyerAnswered')}
        load={(q) =>
          api.GET('/receivables', {
            params: { query: { ...pageQuery<ReceivableSort>(q), queue: 'done' } },
          })
        }
      />
    </Section>
  );
}

/** The count and total of the selected items, what a bulk action's dialog shows before it acts. */
function useBulkSummary(): (chosen: Array<{ amount: string; currency?: string }>) => string {
  const { t } = useI18n();
  return (chosen) => t('common.bulkSummary', { count: chosen.length, total: formatTotal(chosen) });
}

/** Confirm or dispute the selected receivables, each after a dialog with their count and total (a dispute asks its reason). */
function QueueActions({ items, selected, decide }: Omit<Selection, 'setSelected'> & { items: Receivable[] }) {
  const { t } = useI18n();
  const ask = useAsk();
  const summary = useBulkSummary();
  const chosen = items.filter((r) => selected.has(r.id));
  const confirm = async () => {
    const title = t('buyer.confirm', { count: chosen.length });
    if ((await ask({ title, message: summary(chosen), confirm: title })) === null) return;
    await decide(
      chosen.map((r) => r.id),
      (id) => api.POST('/receivables/{id}/confirm', { params: { path: { id } }, body: {} }),
    );
  };
  const dispute = async () => {
    const title = t('buyer.dispute', { count: chosen.length });
    const reason = await ask({ title, message: summary(chosen), input: t('buyer.disputeReason'), confirm: title, danger: true });
    if (reason === null) return;
    await decide(
      chosen.map((r) => r.id),
      (id) => api.POST('/receivables/{id}/dispute', { params: { path: { id } }, body: { reason } }),
    );
  };
  return (
    <div className="buttons">
      <button type="button" disabled={chosen.length === 0} onClick={confirm}>
        {t('buyer.confirm', { count: chosen.length })}
      </button>
      <button type="button" className="danger" disabled={chosen.length === 0} onClick={dispute}>
        {t('buyer.dispute', { count: chosen.length })}
      </button>
    </div>
  );
}

/** Notices of assignment, soonest deadline first, to acknowledge together. */
function AssignmentNotices({ items, selected, setSelected, decide }: Selection & { items: Financing[] }) {
  const { t, language } = useI18n();
  const ask = useAsk();
  const summary = useBulkSummary();
  const chosen = items.filter((f) => selected.has(f.id));
  const acknowledge = async () => {
    const title = t('buyer.acknowledge', { count: chosen.length });
    if ((await ask({ title, message: summary(chosen), confirm: title })) === null) return;
    await decide(
      chosen.map((r) => r.id),
      (id) => api.POST('/financings/{id}/acknowledge', { params: { path: { id } }, body: {} }),
    );
  };
  return (
    <Section
      title={t('buyer.notices')}
      actions={
        <button type="button" disabled={chosen.length === 0} onClick={acknowledge}>
          {t('buyer.acknowledge', { count: chosen.length })}
        </button>
      }
    >
      {items.length === 0 ? (
        <p>{t('common.none')}</p>
      ) : (
        <ul className="plain">
          {items.sort(byDeadline).map((f) => (
            <li key={f.id}>
              <input
                type="checkbox"
                id={`notice-${f.id}`}
                checked={selected.has(f.id)}
                onChange={() => setSelected((s) => toggle(s, f.id))}
              />{' '}
              <label htmlFor={`notice-${f.id}`}>
                {t('buyer.notice', {
                  ref: f.ref,
                  amount: formatMoney(f.amount, f.currency),
                  deadline: formatDate(f.state?.waitingFor?.deadline, language, true),
                })}
              </label>{' '}
              <a href={`#/financings/${f.id}`}>{t('common.open')}</a>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
