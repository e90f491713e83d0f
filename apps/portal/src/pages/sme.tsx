import { FormEvent, useEffect, useRef, useState } from 'react';
import type { ActionType } from '@ant-design/pro-components';
import { api, Schema, upload } from '../api';
import type { operations } from '../api-schema';
import type { Schedule, Trial } from '../api-answers';
import type { Me } from '../me';
import { formatDate, formatMoney, formatQuantity, formatRate } from '../format';
import { useI18n } from '../i18n';
import { Badge, Choice, DataTable, ErrorNote, Field, Section, textOf, useAction, useLoad, usePageTitle } from '../ui';
import { ListColumn, ListTable, pageQuery } from '../table';
import { ProductTerms, RepaymentFields, RepaymentForm, useProduct } from './product-terms';
import { Documents, FinancingTable, Organisation, useOrganisations } from './shared';
import { useCommodityNames } from './names';

type Receivable = Schema<'ReceivableView'>;
type ReceivableSort = NonNullable<NonNullable<operations['ReceivablesController_list']['parameters']['query']>['sort']>;
type Receipt = Schema<'WarehouseReceiptView'>;

const tone = (status: string) =>
  ['CONFIRMED', 'PLEDGED', 'SETTLED', 'ISSUED'].includes(status) ? 'good' : ['DISPUTED', 'CANCELLED'].includes(status) ? 'bad' : 'neutral';

/** The SME's home: receivables and their confirmation, warehouse receipts, financings. */
export function SmeHome(_props: { me: Me }) {
  const { t } = useI18n();
  usePageTitle(t('sme.title'));
  const buyers = useOrganisations('CORE_ENTERPRISE');
  const receivables = useRef<ActionType>(undefined);
  const reload = () => receivables.current?.reload();
  const { error, run } = useAction();
  const submit = (id: string) => run(async () => (await api.POST('/receivables/{id}/submit', { params: { path: { id } } }), reload()));

  return (
    <>
      <h1>{t('sme.title')}</h1>
      <Section title={t('receivables.title')}>
        <ReceivablesTable actionRef={receivables} buyers={buyers} submit={submit} />
        <RegisterReceivable buyers={buyers} error={error} run={run} onSaved={reload} />
      </Section>
      <Section title={t('receipts.title')}>
        <ReceiptsTable />
      </Section>
      <Section
        title={t('financings.title')}
        actions={
          <a href="#/apply" className="button">
            {t('nav.apply')}
          </a>
        }
      >
        <FinancingTable />
      </Section>
    </>
  );
}

const RECEIVABLE_STATUSES: Array<Receivable['status']> = [
  'REGISTERED',
  'SUBMITTED',
  'CONFIRMED',
  'DISPUTED',
  'PLEDGED',
  'SETTLED',
  'WRITTEN_OFF',
  'CANCELLED',
];

/**
 * The SME's receivables, sorted, filtered and searched by the API, refreshed while the buyer
 * answers; one still only registered can be submitted to its buyer.
 */
function ReceivablesTable({
  actionRef,
  buyers,
  submit,
}: {
  actionRef: React.RefObject<ActionType | undefined>;
  buyers: Organisation[];
  submit: (id: string) => unknown;
}) {
  const { t, label, language } = useI18n();
  const nameOf = (id: string) => buyers.find((b) => b.id === id)?.name ?? id;
  useEffect(() => {
    const timer = setInterval(() => actionRef.current?.reload(), 3000);
    return () => clearInterval(timer);
  }, [actionRef]);
  const columns: Array<ListColumn<Receivable>> = [
    {
      title: t('receivables.invoice'),
      dataIndex: 'invoiceNumber',
      sorter: true,
      render: (_, r) => <span data-invoice={r.invoiceNumber}>{r.invoiceNumber}</span>,
    },
    { title: t('receivables.debtor'), dataIndex: 'debtorId', render: (_, r) => nameOf(r.debtorId), exportValue: (r) => nameOf(r.debtorId) },
    { title: t('receivables.amount'), dataIndex: 'amount', sorter: true, align: 'right', render: (_, r) => formatMoney(r.amount) },
    { title: t('receivables.due'), dataIndex: 'dueDate', sorter: true, render: (_, r) => formatDate(r.dueDate, language) },
    {
      title: t('common.status'),
      dataIndex: 'status',
      sorter: true,
      filters: RECEIVABLE_STATUSES.map((s) => ({ text: label('receivable', s), value: s })),
      filterMultiple: false,
      render: (_, r) => <Badge tone={tone(r.status)}>{label('receivable', r.status)}</Badge>,
      exportValue: (r) => label('receivable', r.status),
    },
    { title: t('documents.title'), key: 'documents', render: (_, r) => <Documents receivableId={r.id} />, exportValue: false },
    {
      title: t('common.actions'),
      valueType: 'option',
      render: (_, r) =>
        r.status === 'REGISTERED' && (
          <button type="button" onClick={() => submit(r.id)} aria-label={t('receivables.submitFor', { invoice: r.invoiceNumber })}>
            {t('receivables.submit')}
          </button>
        ),
    },
  ];
  return (
    <ListTable<Receivable>
      title={t('receivables.title')}
      rowKey="id"
      columns={columns}
      actionRef={actionRef}
      searchHint={t('table.searchReceivables')}
      exportName={t('receivables.title')}
      load={(q) =>
        api.GET('/receivables', {
          params: {
            query: { ...pageQuery<ReceivableSort>(q), status: q.filters.status as Receivable['status'] },
          },
        })
      }
    />
  );
}

/** A new receivable and its document (uploaded once the receivable exists); the form empties when it is saved. */
function RegisterReceivable({
  buyers,
  error,
  run,
  onSaved,
}: {
  buyers: Organisation[];
  error: unknown;
  run: ReturnType<typeof useAction>['run'];
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [saved, setSaved] = useState<string>();
  const form = useRef<HTMLFormElement>(null);
  const register = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setSaved(undefined); // the last registration's success line goes when the next one starts
    await run(async () => {
      const created = await api.POST('/receivables', {
        body: {
          debtorId: textOf(data, 'debtorId'),
          invoiceNumber: textOf(data, 'invoiceNumber'),
          issueDate: textOf(data, 'issueDate'),
          dueDate: textOf(data, 'dueDate'),
          amount: textOf(data, 'amount'),
        },
      });
      const file = data.get('document');
      if (file instanceof File && file.size > 0)
        await upload('/receivables/{id}/documents', { path: { id: created.id }, query: { name: file.name } }, file, () => undefined);
      form.current?.reset();
      setSaved(created.invoiceNumber);
      onSaved();
    });
  };
  return (
    <form ref={form} onSubmit={register} className="grid-form" aria-label={t('receivables.register')}>
      <h3>{t('receivables.register')}</h3>
      <Field label={t('receivables.debtor')} name="debtorId" error={error}>
        {(p) => <Choice {...p} options={buyers.map((b) => ({ value: b.id, text: b.name }))} />}
      </Field>
      <Field label={t('receivables.invoice')} name="invoiceNumber" error={error}>
        {(p) => <input {...p} required />}
      </Field>
      <Field label={t('receivables.issued')} name="issueDate" error={error}>
        {(p) => <input {...p} type="date" required />}
      </Field>
      <Field label={t('receivables.due')} name="dueDate" error={error}>
        {(p) => <input {...p} type="date" required />}
      </Field>
      <Field label={t('receivables.amount')} name="amount" error={error}>
        {(p) => <input {...p} inputMode="decimal" placeholder="1250000.00" required />}
      </Field>
      <Field label={t('receivables.document')} name="document" error={error}>
        {(p) => <input {...p} type="file" accept=".pdf,.jpg,.jpeg,.png,.ofd,.xml" />}
      </Field>
      <ErrorNote error={error} fields={['debtorId', 'invoiceNumber', 'issueDate', 'dueDate', 'amount', 'document']} />
      {saved && <p role="status">{t('receivables.saved', { invoice: saved })}</p>}
      <button type="submit">{t('receivables.registerButton')}</button>
    </form>
  );
}

type ReceiptSort = NonNullable<NonNullable<operations['WarehouseReceiptsController_list']['parameters']['query']>['sort']>;
const RECEIPT_STATUSES: Array<Receipt['status']> = ['ISSUED', 'PLEDGED', 'RELEASED', 'SPLIT', 'CANCELLED'];

/** The SME's warehouse receipts and where each stands: sorted, filtered, searched and exported by the API. */
function ReceiptsTable() {
  const { t, label } = useI18n();
  const commodityName = useCommodityNames();
  const columns: Array<ListColumn<Receipt>> = [
    { title: t('receipts.number'), dataIndex: 'receiptNumber', sorter: true },
    {
      title: t('receipts.commodity'),
      dataIndex: 'commodityCode',
      sorter: true,
      render: (_, r) => commodityName(r.commodityCode),
      exportValue: (r) => commodityName(r.commodityCode),
    },
    {
      title: t('receipts.quantity'),
      dataIndex: 'quantity',
      sorter: true,
      align: 'right',
      render: (_, r) => `${formatQuantity(r.quantity)} ${r.unit}`,
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      sorter: true,
      filters: RECEIPT_STATUSES.map((s) => ({ text: label('receipt', s), value: s })),
      filterMultiple: false,
      render: (_, r) => <Badge tone={tone(r.status)}>{label('receipt', r.status)}</Badge>,
      exportValue: (r) => label('receipt', r.status),
    },
  ];
  return (
    <ListTable<Receipt>
      title={t('receipts.title')}
      rowKey="id"
      columns={columns}
      exportName={t('receipts.title')}
      searchHint={t('table.searchReceipts')}
      load={(q) =>
        api.GET('/warehouse-receipts', {
          params: {
            query: { ...pageQuery<ReceiptSort>(q), status: q.filters.status as Receipt['status'] },
          },
        })
      }
    />
  );
}

/** Apply: choose the asset and the amount, see the 试算 as you type, then submit. */
export function ApplyPage({ me }: { me: Me }) {
  const { t } = useI18n();
  usePageTitle(t('apply.title'));
  const { banks, assets, form, setForm, set, warehouse } = useApplicationForm(me);
  const { trial, trialError } = useTrial(form);
  const pricing = useProduct(form.bankId, form.product);
  const { error, run } = useAction();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      // the quote shown is the one applied with (its policy version and terms); a fresh one when none is shown yet
      const quoteId = trial?.quoteId ?? (await api.POST('/financings/trial', { body: bodyOf(form) })).quoteId;
      location.hash = `/financings/${(await api.POST('/financings', { body: { ...bodyOf(form), quoteId } })).id}`;
    });
  };

  return (
    <>
      <h1>{t('apply.title')}</h1>
      <form onSubmit={submit} className="card grid-form" aria-label={t('apply.title')}>
        <Field label={t('apply.product')} name="product" error={error}>
          {(p) => (
            <select
              {...p}
              value={form.product}
              onChange={(e) => setForm((f) => ({ ...f, product: e.target.value as Application['product'], assetId: '' }))}
            >
              <option value="RECEIVABLE_FINANCING">{t('product.RECEIVABLE_FINANCING')}</option>
              <option value="WAREHOUSE_RECEIPT_LOAN">{t('product.WAREHOUSE_RECEIPT_LOAN')}</option>
            </select>
          )}
        </Field>
        <Field label={warehouse ? t('apply.receipt') : t('apply.receivable')} name="assetId" error={error ?? trialError}>
          {(p) => (
            <select {...p} value={form.assetId} onChange={set('assetId')} required>
              <option value="">{t('common.choose')}</option>
              {assets.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.text}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('apply.bank')} name="bankId" error={error ?? trialError}>
          {(p) => (
            <select {...p} value={form.bankId} onChange={set('bankId')} required>
              {banks.map((b: Organisation) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('apply.amount')} name="amount" error={error ?? trialError}>
          {(p) => <input {...p} value={form.amount} onChange={set('amount')} inputMode="decimal" placeholder="800000.00" required />}
        </Field>
        {warehouse && <RepaymentFields form={form} set={set} error={error} pricing={pricing} />}
        <ErrorNote
          error={error ?? trialError}
          fields={['product', 'assetId', 'bankId', 'amount', 'method', 'instalments', 'repaymentFrequency']}
        />
        <TrialPanel trial={trial} pricing={pricing} />
        <button type="submit">{t('apply.submit')}</button>
      </form>
    </>
  );
}

/** The form; its repayment fields are a warehouse receipt loan's. */
interface Application extends RepaymentForm {
  product: Schema<'ApplicationDto'>['product'];
  assetId: string;
  bankId: string;
  amount: string;
}

const isWarehouse = (form: Application) => form.product === 'WAREHOUSE_RECEIPT_LOAN';

/** What the trial and the application send: the repayment terms only for a warehouse receipt loan. */
const bodyOf = (form: Application): Schema<'ApplicationDto'> => ({
  product: form.product,
  assetId: form.assetId,
  bankId: form.bankId,
  amount: form.amount,
  ...(isWarehouse(form)
    ? {
        method: form.method,
        instalments: Number(form.instalments),
        ...(form.repaymentFrequency !== 'MONTHLY' ? { repaymentFrequency: form.repaymentFrequency } : {}),
      }
    : {}),
});

/** The application's fields and what they choose from: the banks, and the assets of the chosen product. */
function useApplicationForm(me: Me) {
  const banks = useOrganisations('BANK');
  const commodityName = useCommodityNames();
  const receivables = useLoad(() => api.GET('/receivables', { params: { query: { status: 'CONFIRMED', limit: 100 } } }), []);
  const receipts = useLoad(() => api.GET('/warehouse-receipts', { params: { query: { status: 'ISSUED', limit: 100 } } }), []);
  const [form, setForm] = useState<Application>({
    product: 'RECEIVABLE_FINANCING',
    assetId: '',
    bankId: '',
    amount: '',
    method: 'EQUAL_INSTALMENT',
    instalments: '6',
    repaymentFrequency: 'MONTHLY',
  });
  const warehouse = isWarehouse(form);
  useEffect(() => {
    if (!banks[0] || form.bankId) return;
    setForm((f) => ({ ...f, bankId: banks[0].id }));
  }, [banks, form.bankId]);
  const set = (name: keyof Application) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [name]: e.target.value }));
  const assets: Array<{ id: string; text: string }> = warehouse
    ? (receipts.data?.items ?? [])
        .filter((r) => r.holderId === me.organisationId)
        .map((r) => ({ id: r.id, text: `${r.receiptNumber} · ${commodityName(r.commodityCode)} ${formatQuantity(r.quantity)} ${r.unit}` }))
    : (receivables.data?.items ?? []).map((r) => ({ id: r.id, text: `${r.invoiceNumber} · ${formatMoney(r.eligibleAmount)}` }));
  return { banks, assets, form, setForm, set, warehouse };
}

/** The trial follows the form, a moment after the typing stops; none while the form is incomplete. */
function useTrial(form: Application) {
  const [trial, setTrial] = useState<Trial>();
  const [trialError, setTrialError] = useState<unknown>();
  useEffect(() => {
    if (!form.assetId || !form.bankId || !/^\d+(\.\d{1,2})?$/.test(form.amount)) return setTrial(undefined);
    const timer = setTimeout(
      () =>
        api.POST('/financings/trial', { body: bodyOf(form) }).then(
          (r) => (setTrial(r), setTrialError(undefined)),
          (e) => (setTrial(undefined), setTrialError(e)),
        ),
      300,
    );
    return () => clearTimeout(timer);
  }, [form]);
  return { trial, trialError };
}

/** The trial's terms, totals and schedule, or a hint at what it still needs; read out as it changes. */
function TrialPanel({ trial, pricing }: { trial: Trial | undefined; pricing: ReturnType<typeof useProduct> }) {
  const { t } = useI18n();
  return (
    <div className="trial" aria-live="polite">
      <h2>{t('apply.trial')}</h2>
      {trial ? (
        <>
          <dl className="facts">
            <dt>{t('apply.rate')}</dt>
            <dd data-testid="trial-rate">{formatRate(trial.terms.annualRate)}</dd>
            <dt>{t('apply.fee')}</dt>
            <dd data-testid="trial-fee">{formatMoney(trial.schedule.fee)}</dd>
            <dt>{t('apply.interest')}</dt>
            <dd>{formatMoney(trial.schedule.totalInterest)}</dd>
            <dt>{t('apply.payable')}</dt>
            <dd data-testid="trial-payable">{formatMoney(trial.schedule.totalPayable)}</dd>
            <dt>{t('apply.max')}</dt>
            <dd>{formatMoney(trial.maxAmount)}</dd>
          </dl>
          <ProductTerms pricing={pricing} trial={trial} />
          <ScheduleTable lines={trial.schedule.lines} />
        </>
      ) : (
        <p>{t('apply.trialHint')}</p>
      )}
    </div>
  );
}

/** A schedule as calculated: each line's due date and amounts. */
export function ScheduleTable({ lines }: { lines: Schedule['lines'] }) {
  const { t, language } = useI18n();
  return (
    <DataTable
      caption={t('schedule.title')}
      columns={[
        { label: '#' },
        { label: t('schedule.due') },
        { label: t('schedule.principal'), numeric: true },
        { label: t('schedule.interest'), numeric: true },
        { label: t('schedule.payment'), numeric: true },
      ]}
    >
      {lines.map((l) => (
        <tr key={l.number}>
          <td>{l.number}</td>
          <td>{formatDate(l.dueDate, language)}</td>
          <td className="num">{formatMoney(l.principal)}</td>
          <td className="num">{formatMoney(l.interest)}</td>
          <td className="num">{formatMoney(l.payment)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
