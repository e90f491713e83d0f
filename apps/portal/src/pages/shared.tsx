import { api, download, Schema } from '../api';
import type { Financing } from '../api-answers';
import { formatDate, formatMoney } from '../format';
import { useI18n } from '../i18n';
import { Badge, DataTable, useLoad } from '../ui';

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

/** Financings the caller may see, newest first, optionally only those a filter keeps. */
export function FinancingTable({
  filter,
  sort,
  pollMs = 3000,
}: {
  filter?: (f: Financing) => boolean;
  sort?: (a: Financing, b: Financing) => number;
  pollMs?: number;
}) {
  const { t, label, language } = useI18n();
  const { data } = useLoad(() => api.GET('/financings', { params: { query: { limit: 100 } } }), [], pollMs);
  const rows = (data?.items ?? []).filter(filter ?? (() => true)).sort(sort ?? (() => 0));
  if (data && rows.length === 0) return <p>{t('common.none')}</p>;
  return (
    <DataTable
      caption={t('financings.title')}
      columns={[
        { label: t('financings.ref') },
        { label: t('financings.product') },
        { label: t('financings.amount'), numeric: true },
        { label: t('financings.stage') },
        { label: t('financings.next') },
        { label: t('financings.deadline') },
      ]}
    >
      {rows.map((f) => (
        <tr key={f.id} data-ref={f.ref}>
          <td>
            <a href={`#/financings/${f.id}`}>{f.ref}</a>
          </td>
          <td>{label('product', f.product)}</td>
          <td className="num">{formatMoney(f.amount, f.currency)}</td>
          <td>
            <Badge tone={stageTone(f.stage)}>{label('stage', f.stage)}</Badge>
          </td>
          <td>{f.state?.waitingFor ? label('step', f.state.waitingFor.step) : '—'}</td>
          <td>{f.state?.waitingFor ? formatDate(f.state.waitingFor.deadline, language, true) : '—'}</td>
        </tr>
      ))}
    </DataTable>
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
