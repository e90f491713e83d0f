import { Dispatch, SetStateAction, useState } from 'react';
import { api, Schema } from '../api';
import type { Financing } from '../api-answers';
import type { Me } from '../me';
import { formatDate, formatMoney } from '../format';
import { useI18n } from '../i18n';
import { DataTable, ErrorNote, Section, useLoad, usePageTitle } from '../ui';
import { byDeadline, Documents, FinancingTable, Organisation, useOrganisations } from './shared';

type Receivable = Schema<'ReceivableView'>;

/** A selection with one item added, or taken away if it was there. */
const toggle = (set: Set<string>, id: string) => {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
};

/** Makes the decisions one call after another, then reports how many went through. */
type Decide = (calls: Array<() => Promise<unknown>>) => Promise<void>;

/**
 * The core enterprise's queue: receivables its suppliers submitted, to confirm or dispute in
 * bulk, and the assignment notices of financings against them.
 */
export function BuyerHome({ me }: { me: Me }) {
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
  const decide: Decide = async (calls) => {
    setError(undefined);
    let ok = 0;
    for (const call of calls) {
      try {
        await call();
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
      <AssignmentNotices items={notices.data?.items ?? []} selected={selectedNotices} setSelected={setSelectedNotices} decide={decide} />
      <ErrorNote error={error} />
      {result && <p role="status">{result}</p>}
      <Section title={t('financings.title')}>
        <FinancingTable filter={(f) => f.counterpartyId === me.organisationId} />
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
    <Section title={t('buyer.queue')} actions={<QueueActions selected={selected} decide={decide} />}>
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

/** Confirm or dispute the selected receivables; a dispute asks for its reason first. */
function QueueActions({ selected, decide }: Omit<Selection, 'setSelected'>) {
  const { t } = useI18n();
  return (
    <div className="buttons">
      <button
        type="button"
        disabled={selected.size === 0}
        onClick={() =>
          decide([...selected].map((id) => () => api.POST('/receivables/{id}/confirm', { params: { path: { id } }, body: {} })))
        }
      >
        {t('buyer.confirm', { count: selected.size })}
      </button>
      <button
        type="button"
        className="danger"
        disabled={selected.size === 0}
        onClick={() => {
          const reason = prompt(t('buyer.disputeReason'));
          if (reason)
            void decide(
              [...selected].map((id) => () => api.POST('/receivables/{id}/dispute', { params: { path: { id } }, body: { reason } })),
            );
        }}
      >
        {t('buyer.dispute', { count: selected.size })}
      </button>
    </div>
  );
}

/** Notices of assignment, soonest deadline first, to acknowledge together. */
function AssignmentNotices({ items, selected, setSelected, decide }: Selection & { items: Financing[] }) {
  const { t, language } = useI18n();
  return (
    <Section
      title={t('buyer.notices')}
      actions={
        <button
          type="button"
          disabled={selected.size === 0}
          onClick={() =>
            decide([...selected].map((id) => () => api.POST('/financings/{id}/acknowledge', { params: { path: { id } }, body: {} })))
          }
        >
          {t('buyer.acknowledge', { count: selected.size })}
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
