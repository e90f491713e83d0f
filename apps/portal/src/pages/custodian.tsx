import { FormEvent, useEffect, useRef } from 'react';
import type { ActionType } from '@ant-design/pro-components';
import { api, Schema } from '../api';
import type { operations } from '../api-schema';
import { formatQuantity } from '../format';
import type { Me } from '../me';
import { useI18n } from '../i18n';
import { Badge, Choice, ErrorNote, Field, Section, textOf, useAction, useAsk, useLoad, usePageTitle } from '../ui';
import { ListColumn, ListTable, pageQuery } from '../table';
import { useCommodityNames } from './names';
import { FinancingTable, Organisation, useOrganisations } from './shared';

type Receipt = Schema<'WarehouseReceiptView'>;

/** The custodian's desk: issue and split receipts, release goods, confirm control for pledges, watch margin calls. */
export function CustodianHome(_props: { me: Me }) {
  const { t } = useI18n();
  usePageTitle(t('custodian.title'));
  const holders = useOrganisations('SME');
  const receipts = useRef<ActionType>(undefined);
  const commodities = useLoad(() => api.GET('/commodities'), []);
  const action = useAction();
  const error = action.error;
  const run: Run = (call, done) => action.run(async () => (await call(), action.setNotice(done), receipts.current?.reload()));
  const list = Array.isArray(commodities.data)
    ? commodities.data
    : ((commodities.data as unknown as { items?: Array<{ code: string; name: string }> })?.items ?? []);

  return (
    <>
      <h1>{t('custodian.title')}</h1>
      <Section title={t('custodian.control')}>
        <FinancingTable title={t('custodian.control')} queue />
      </Section>
      <Section title={t('custodian.margin')}>
        <FinancingTable title={t('custodian.margin')} stage="REPAYING" />
      </Section>
      <Section title={t('receipts.title')}>
        <ReceiptsTable actionRef={receipts} holders={holders} run={run} />
        <IssueReceipt holders={holders} commodities={list} error={error} run={run} />
      </Section>
      <ErrorNote error={error} fields={['receiptNumber', 'holderId', 'commodityCode', 'grade', 'quantity', 'location']} />
      {action.notice && <p role="status">{action.notice}</p>}
    </>
  );
}

/** Makes a call about receipts; once it goes through, says `done` and reloads them. */
type Run = (call: () => Promise<unknown>, done: string) => Promise<boolean>;

type ReceiptSort = NonNullable<NonNullable<operations['WarehouseReceiptsController_list']['parameters']['query']>['sort']>;
const RECEIPT_STATUSES: Array<Receipt['status']> = ['ISSUED', 'PLEDGED', 'RELEASED', 'SPLIT', 'CANCELLED'];

/** Every receipt in custody, sorted, filtered, searched and exported by the API; one still only issued can be split or its goods released. */
function ReceiptsTable({
  actionRef,
  holders,
  run,
}: {
  actionRef: React.RefObject<ActionType | undefined>;
  holders: Organisation[];
  run: Run;
}) {
  const { t, label } = useI18n();
  const commodityName = useCommodityNames();
  const ask = useAsk();
  useEffect(() => {
    const timer = setInterval(() => actionRef.current?.reload(), 5000);
    return () => clearInterval(timer);
  }, [actionRef]);
  const holderOf = (r: Receipt) => holders.find((h) => h.id === r.holderId)?.name ?? r.holderId;
  const split = async (r: Receipt) => {
    const title = t('custodian.splitButton');
    const parts = await ask({ title, message: r.receiptNumber, input: t('custodian.splitPrompt'), confirm: title });
    if (parts)
      void run(
        () =>
          api.POST('/warehouse-receipts/{id}/split', {
            params: { path: { id: r.id } },
            body: { quantities: parts.split(/[,，\s]+/).filter(Boolean) },
          }),
        t('custodian.split'),
      );
  };
  const columns: Array<ListColumn<Receipt>> = [
    { title: t('receipts.number'), dataIndex: 'receiptNumber', sorter: true },
    { title: t('receipts.holder'), dataIndex: 'holderId', render: (_, r) => holderOf(r), exportValue: holderOf },
    {
      title: t('receipts.commodity'),
      dataIndex: 'commodityCode',
      sorter: true,
      render: (_, r) => `${commodityName(r.commodityCode)} ${r.grade}`,
      exportValue: (r) => `${commodityName(r.commodityCode)} ${r.grade}`,
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
      render: (_, r) => (
        <Badge tone={r.status === 'ISSUED' || r.status === 'PLEDGED' ? 'good' : 'neutral'}>{label('receipt', r.status)}</Badge>
      ),
      exportValue: (r) => label('receipt', r.status),
    },
    {
      title: t('common.actions'),
      valueType: 'option',
      render: (_, r) =>
        r.status === 'ISSUED' && (
          <span className="buttons">
            <button type="button" onClick={() => split(r)}>
              {t('custodian.splitButton')}
            </button>
            <button
              type="button"
              onClick={() =>
                run(() => api.POST('/warehouse-receipts/{id}/release', { params: { path: { id: r.id } } }), t('custodian.released'))
              }
            >
              {t('custodian.release')}
            </button>
          </span>
        ),
    },
  ];
  return (
    <ListTable<Receipt>
      title={t('receipts.title')}
      rowKey="id"
      columns={columns}
      actionRef={actionRef}
      searchHint={t('table.searchReceipts')}
      exportName={t('receipts.title')}
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

/** A new receipt for goods taken into custody; the form empties once it is issued. */
function IssueReceipt({
  holders,
  commodities,
  error,
  run,
}: {
  holders: Organisation[];
  commodities: Array<{ code: string; name: string }>;
  error: unknown;
  run: Run;
}) {
  const { t } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const issue = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    const body = {
      receiptNumber: textOf(d, 'receiptNumber'),
      holderId: textOf(d, 'holderId'),
      commodityCode: textOf(d, 'commodityCode'),
      grade: textOf(d, 'grade'),
      quantity: textOf(d, 'quantity'),
      location: textOf(d, 'location'),
    };
    void run(() => api.POST('/warehouse-receipts', { body }).then(() => form.current?.reset()), t('custodian.issued'));
  };
  return (
    <form ref={form} onSubmit={issue} className="grid-form" aria-label={t('custodian.issue')}>
      <h3>{t('custodian.issue')}</h3>
      <Field label={t('receipts.number')} name="receiptNumber" error={error}>
        {(p) => <input {...p} required />}
      </Field>
      <Field label={t('receipts.holder')} name="holderId" error={error}>
        {(p) => <Choice {...p} options={holders.map((h) => ({ value: h.id, text: h.name }))} />}
      </Field>
      <Field label={t('receipts.commodity')} name="commodityCode" error={error}>
        {(p) => <Choice {...p} options={commodities.map((c) => ({ value: c.code, text: `${c.name} (${c.code})` }))} />}
      </Field>
      <Field label={t('receipts.grade')} name="grade" error={error}>
        {(p) => <input {...p} required />}
      </Field>
      <Field label={t('receipts.quantity')} name="quantity" error={error}>
        {(p) => <input {...p} inputMode="decimal" required />}
      </Field>
      <Field label={t('receipts.location')} name="location" error={error}>
        {(p) => <input {...p} required />}
      </Field>
      <button type="submit">{t('custodian.issueButton')}</button>
    </form>
  );
}
