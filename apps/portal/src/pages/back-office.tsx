import { FormEvent, useState } from 'react';
import { api, ApiError, download, upload } from '../api';
import type { Decision, ExceptionLine } from '../api-answers';
import type { operations, paths } from '../api-schema';
import { formatDate, formatMoney, formatPercent, localToday } from '../format';
import { useI18n } from '../i18n';
import type { Me } from '../me';
import { Badge, DataTable, ErrorNote, Field, Progress, Section, useAction, useAsk, useLoad, usePageTitle } from '../ui';
import { ListColumn, ListTable, pageQuery } from '../table';
import { ApprovalsPanel, awaitsApproval } from './approvals';
import { AwaitedMovements, BankAccounts } from './repayment';

type StatementFormat = paths['/statements']['post']['parameters']['query']['format'];

/** Back office: statements in, reconciliation runs, what awaits a second person, the exceptions queue, recent matches, what the bank awaits, the daily report, its accounts. */
export function BackOfficeHome({ me }: { me: Me }) {
  const { t } = useI18n();
  usePageTitle(t('backOffice.title'));
  const [runId, setRunId] = useState<string>();
  const [tick, setTick] = useState(0);
  const refresh = () => setTick((n) => n + 1);
  return (
    <>
      <h1>{t('backOffice.title')}</h1>
      <div className="two">
        <StatementUpload onImported={refresh} />
        <RunPanel runId={runId} onStart={setRunId} onDone={refresh} />
      </div>
      <ApprovalsPanel me={me} tick={tick} onChange={refresh} />
      <ExceptionsQueue tick={tick} onChange={refresh} />
      <RecentMatches tick={tick} onChange={refresh} />
      <AwaitedMovements />
      <Report />
      <BankAccounts />
    </>
  );
}

function StatementUpload({ onImported }: { onImported: () => void }) {
  const { t } = useI18n();
  const [progress, setProgress] = useState<number>();
  const { error, setError, run } = useAction();
  const [result, setResult] = useState<string>();
  const [format, setFormat] = useState<StatementFormat>('csv');
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const file = data.get('file');
    setResult(undefined); // a stale success line never stands beside a new refusal
    if (!(file instanceof File) || file.size === 0)
      return setError(new ApiError(400, 'PORTAL.NO_FILE', '', [{ field: 'file', message: t('field.file') }]));
    setProgress(0);
    const account = data.get('account');
    await run(async () => {
      const statements = await upload(
        '/statements',
        { query: { format, account: account ? String(account) : undefined } },
        file,
        setProgress,
      );
      setProgress(1);
      setResult(t('statements.imported', { count: statements.length, lines: statements.reduce((n, s) => n + s.newLines, 0) }));
      onImported();
    });
  };
  return (
    <Section title={t('statements.upload')}>
      <form onSubmit={submit} aria-label={t('statements.upload')}>
        <Field label={t('statements.format')} name="format" error={error}>
          {(p) => (
            <select {...p} value={format} onChange={(e) => setFormat(e.target.value as StatementFormat)}>
              <option value="camt.053">camt.053</option>
              <option value="camt.054">camt.054</option>
              <option value="mt940">MT940</option>
              <option value="csv">CSV</option>
            </select>
          )}
        </Field>
        {format === 'csv' && (
          <Field label={t('statements.account')} name="account" error={error}>
            {(p) => <input {...p} defaultValue="COLLECTION-1" required />}
          </Field>
        )}
        <Field label={t('statements.file')} name="file" error={error}>
          {(p) => <input {...p} type="file" accept=".xml,.csv,.txt,.sta,.940" />}
        </Field>
        <button type="submit">{t('statements.uploadButton')}</button>
        {progress !== undefined && <Progress value={progress} label={t('statements.progress')} />}
        <ErrorNote error={error} fields={['file', 'account', 'format']} />
        {result && <p role="status">{result}</p>}
      </form>
    </Section>
  );
}

function RunPanel({ runId, onStart, onDone }: { runId?: string; onStart: (id: string) => void; onDone: () => void }) {
  const { t, label, language } = useI18n();
  const { error, run: act } = useAction();
  const run = useLoad(
    async () => {
      if (!runId) return undefined;
      const r = await api.GET('/reconciliation/runs/{id}', { params: { path: { id: runId } } });
      if (r.status !== 'RUNNING') onDone();
      return r;
    },
    [runId],
    runId ? 1000 : undefined,
  );
  const runs = useLoad(() => api.GET('/reconciliation/runs', { params: { query: { limit: 5 } } }), [runId, run.data?.status]);
  const start = () => act(async () => onStart((await api.POST('/reconciliation/runs')).id));
  const r = run.data;
  return (
    <Section title={t('runs.title')}>
      <button type="button" onClick={start} disabled={r?.status === 'RUNNING'}>
        {t('runs.start')}
      </button>
      {r && (
        <div aria-live="polite">
          <Progress value={r.total ? r.processed / r.total : r.status === 'RUNNING' ? 0 : 1} label={t('runs.progress')} />
          <p data-testid="run-status">
            {label('run', r.status)} ·{' '}
            {t('runs.counts', { processed: r.processed, total: r.total, matched: r.matched, suggested: r.suggested })}
          </p>
        </div>
      )}
      <ErrorNote error={error} />
      <ul className="plain muted">
        {(runs.data?.items ?? []).map((x) => (
          <li key={x.id}>
            {formatDate(x.startedAt, language, true)} · {label('trigger', x.trigger)} · {label('run', x.status)} ·{' '}
            {t('runs.counts', { processed: x.processed, total: x.total, matched: x.matched, suggested: x.suggested })}
          </li>
        ))}
      </ul>
    </Section>
  );
}

type ExceptionSort = NonNullable<NonNullable<operations['StatementsController_exceptions']['parameters']['query']>['sort']>;

/** The exceptions queue and, beside it, the lines a person matched or wrote off; sorted, searched and exported by the API. */
function ExceptionsQueue({ tick, onChange }: { tick: number; onChange: () => void }) {
  const { t, language } = useI18n();
  const [open, setOpen] = useState<number>();
  const { error, notice, setNotice, run } = useAction();
  // beyond the tolerance a match or write-off goes to a second person (202): say so
  const act: Act = (call) => run(async () => (awaitsApproval(await call()) && setNotice(t('approvals.sent')), onChange()));
  const signed = (l: ExceptionLine) => `${l.direction === 'DBIT' ? '-' : ''}${l.amount}`;
  const columns: Array<ListColumn<ExceptionLine>> = [
    { title: t('exceptions.booked'), dataIndex: 'bookedOn', sorter: true, render: (_, l) => formatDate(l.bookedOn, language) },
    { title: t('statements.account'), dataIndex: 'account', sorter: true },
    {
      title: t('receivables.amount'),
      dataIndex: 'amount',
      sorter: true,
      align: 'right',
      render: (_, l) => `${l.direction === 'DBIT' ? '-' : ''}${formatMoney(l.amount, l.currency)}`,
      exportValue: signed,
    },
    {
      title: t('exceptions.reference'),
      key: 'counterparty',
      sorter: true,
      render: (_, l) => (
        <>
          {l.endToEndId ?? '—'}
          <div className="muted">{[l.counterparty, l.remittance].filter(Boolean).join(' · ')}</div>
        </>
      ),
      exportValue: (l) => [l.endToEndId, l.counterparty, l.remittance].filter(Boolean).join(' · '),
    },
    { title: t('exceptions.age'), dataIndex: 'ageDays', render: (_, l) => t('exceptions.days', { days: l.ageDays }) },
    {
      title: t('exceptions.proposals'),
      valueType: 'option',
      render: (_, l) =>
        l.status === 'UNMATCHED' ? <ExceptionActions l={l} act={act} /> : <Badge tone="good">{t(LINE_DONE[l.status])}</Badge>,
    },
  ];
  return (
    <Section title={t('exceptions.title', { count: open ?? 0 })}>
      <ErrorNote error={error} />
      {notice && <p role="status">{notice}</p>}
      <ListTable<ExceptionLine>
        title={t('exceptions.caption')}
        rowKey="lineId"
        columns={columns}
        params={{ tick }}
        searchHint={t('table.searchLines')}
        exportName={t('exceptions.caption')}
        tabs={[
          { key: 'todo', label: t('table.todo') },
          { key: 'done', label: t('table.done') },
        ]}
        load={async (q) => {
          const page = await api.GET('/statements/exceptions', { params: { query: pageQuery<ExceptionSort>(q) } });
          if (q.tab === 'todo' && !q.q) setOpen(page.total);
          return page;
        }}
      />
    </Section>
  );
}

const LINE_DONE = { MATCHED: 'table.lineMatched', WRITTEN_OFF: 'table.lineWrittenOff' } as const;

/** Resolves an exception by a call to the API; answers whether it went through. */
type Act = (call: () => Promise<unknown>) => Promise<boolean>;

/** What resolves a line nothing matched: the proposals, and a write-off. */
function ExceptionActions({ l, act }: { l: ExceptionLine; act: Act }) {
  const { t } = useI18n();
  const ask = useAsk();
  return (
    <>
      <Proposals l={l} act={act} />
      <button
        type="button"
        className="link"
        onClick={async () => {
          const title = t('exceptions.writeOff');
          const reason = await ask({ title, input: t('exceptions.writeOffPrompt'), confirm: title, danger: true });
          // the queue gives a line's number as a string, the document its path parameter as a number: the same in the URL
          if (reason)
            void act(() =>
              api.POST('/reconciliation/lines/{id}/write-off', { params: { path: { id: Number(l.lineId) } }, body: { reason } }),
            );
        }}
      >
        {t('exceptions.writeOff')}
      </button>
    </>
  );
}

/** The matcher's suggestions to confirm, then open expectations to match by hand (unequal amounts ask why). */
function Proposals({ l, act }: { l: ExceptionLine; act: Act }) {
  const { t, label } = useI18n();
  const ask = useAsk();
  return (
    <ul className="plain">
      {l.suggestions.map((s) => (
        <li key={s.decisionId}>
          <Badge tone="warn">
            {label('method', s.method)} {formatPercent(s.confidence)}
          </Badge>{' '}
          {s.links.map((k) => k.endToEndId).join(', ')}{' '}
          <button
            type="button"
            onClick={() => act(() => api.POST('/reconciliation/matches/{id}/confirm', { params: { path: { id: s.decisionId } } }))}
          >
            {t('exceptions.confirm')}
          </button>
        </li>
      ))}
      {l.candidates.map((c) => (
        <li key={c.expectedId}>
          {c.endToEndId} · {formatMoney(c.remaining, l.currency)} {c.counterparty ? `· ${c.counterparty}` : ''}{' '}
          <button
            type="button"
            onClick={async () => {
              // unequal amounts: the difference is written off, and that needs its reason
              const title = t('exceptions.match');
              const reason = c.remaining === l.amount ? '' : await ask({ title, input: t('exceptions.reasonPrompt'), confirm: title });
              if (reason !== null)
                await act(() =>
                  api.POST('/reconciliation/matches', {
                    body: { lineIds: [l.lineId], expectedIds: [c.expectedId], reason: reason || undefined },
                  }),
                );
            }}
          >
            {t('exceptions.match')}
          </button>
        </li>
      ))}
    </ul>
  );
}

type DecisionSort = NonNullable<NonNullable<operations['ReconciliationController_decisions']['parameters']['query']>['sort']>;
const DECISION_STATUSES = ['ACTIVE', 'SUGGESTED', 'REVERSED'] as const;
const DECISION_STATUS = {
  ACTIVE: 'table.decisionActive',
  SUGGESTED: 'table.decisionSuggested',
  REVERSED: 'table.decisionReversed',
} as const;

/** Match decisions, newest first unless sorted, by status, searched and exported; a made one can be undone. */
function RecentMatches({ tick, onChange }: { tick: number; onChange: () => void }) {
  const { t, label, language } = useI18n();
  const ask = useAsk();
  const { error, run } = useAction();
  const undo = async (id: string) => {
    const title = t('matches.undo');
    const reason = await ask({ title, input: t('matches.reasonPrompt'), confirm: title, danger: true });
    if (reason)
      await run(
        async () => (await api.POST('/reconciliation/matches/{id}/reverse', { params: { path: { id } }, body: { reason } }), onChange()),
      );
  };
  const linksOf = (d: Decision) =>
    d.links.map((k) => `${k.account} ${formatMoney(k.amount)} → ${k.endToEndId ?? t('matches.writtenOff')}`).join('; ');
  const columns: Array<ListColumn<Decision>> = [
    { title: t('matches.when'), dataIndex: 'decidedAt', sorter: true, render: (_, d) => formatDate(d.decidedAt, language, true) },
    {
      title: t('matches.method'),
      dataIndex: 'method',
      sorter: true,
      render: (_, d) => `${label('method', d.method)} ${formatPercent(d.confidence)}`,
      exportValue: (d) => `${label('method', d.method)} ${formatPercent(d.confidence)}`,
    },
    {
      title: t('table.status'),
      dataIndex: 'status',
      filters: DECISION_STATUSES.map((s) => ({ text: t(DECISION_STATUS[s]), value: s })),
      filterMultiple: false,
      render: (_, d) => t(DECISION_STATUS[d.status as keyof typeof DECISION_STATUS]),
      exportValue: (d) => t(DECISION_STATUS[d.status as keyof typeof DECISION_STATUS]),
    },
    { title: t('matches.links'), key: 'links', render: (_, d) => linksOf(d), exportValue: linksOf },
    { title: t('matches.by'), dataIndex: 'decidedBy' },
    {
      title: t('common.actions'),
      valueType: 'option',
      render: (_, d) =>
        d.status === 'ACTIVE' && (
          <button type="button" onClick={() => undo(d.id)}>
            {t('matches.undo')}
          </button>
        ),
    },
  ];
  return (
    <Section title={t('matches.title')}>
      <ErrorNote error={error} />
      <ListTable<Decision>
        title={t('matches.title')}
        rowKey="id"
        columns={columns}
        params={{ tick }}
        searchHint={t('table.searchMatches')}
        exportName={t('matches.title')}
        load={(q) => {
          const status = q.filters.status as (typeof DECISION_STATUSES)[number] | undefined;
          const query = { ...pageQuery<DecisionSort>(q), status };
          return api.GET('/reconciliation/matches', { params: { query } });
        }}
      />
    </Section>
  );
}

function Report() {
  const { t, language } = useI18n();
  const [range, setRange] = useState({ from: localToday(), to: localToday() });
  const report = useLoad(
    () => api.GET('/reconciliation/report', { params: { query: { from: range.from, to: range.to } } }),
    [range.from, range.to],
    5000,
  );
  const csv = () =>
    download(
      '/reconciliation/report',
      // the headers in the reader's language; the columns and figures stay the same
      { query: { from: range.from, to: range.to, format: 'csv', lang: language } },
      `reconciliation-${range.from}-${range.to}.csv`,
    );
  return (
    <Section
      title={t('report.title')}
      actions={
        <button type="button" onClick={csv}>
          {t('report.csv')}
        </button>
      }
    >
      <div className="inline-form">
        <Field label={t('report.from')} name="from">
          {(p) => <input {...p} type="date" value={range.from} onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))} />}
        </Field>
        <Field label={t('report.to')} name="to">
          {(p) => <input {...p} type="date" value={range.to} onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))} />}
        </Field>
      </div>
      <ErrorNote error={report.error} />
      <DataTable
        caption={t('report.title')}
        columns={[
          { label: t('statements.account') },
          { label: t('report.day') },
          { label: t('report.matched'), numeric: true },
          { label: t('report.unmatched'), numeric: true },
          { label: t('report.bank'), numeric: true },
          { label: t('report.ledger'), numeric: true },
          { label: t('report.difference'), numeric: true },
        ]}
      >
        {(report.data ?? []).map((r) => (
          <tr key={`${r.account}-${r.day}`}>
            <td>{r.account}</td>
            <td>{formatDate(r.day, language)}</td>
            <td className="num">
              {r.matchedCount} · {formatMoney(r.matchedSum)}
            </td>
            <td className="num">
              {r.unmatchedCount} · {formatMoney(r.unmatchedSum)}
            </td>
            <td className="num">{formatMoney(r.bankBalance)}</td>
            <td className="num">{formatMoney(r.ledgerBalance)}</td>
            <td className="num">{formatMoney(r.difference)}</td>
          </tr>
        ))}
      </DataTable>
    </Section>
  );
}
