import { Button, Col, Descriptions, Row, Table, Tag } from 'antd';
import type { DescriptionsProps, TableProps } from 'antd';
import { api, download, Schema } from '../api';
import { formatDate, formatMoney, formatPercent, formatQuantity, formatRate } from '../format';
import { I18n, useI18n } from '../i18n';
import { ErrorNote, Section, useAction, useLoad } from '../ui';
import { useNamedTable } from '../table';

// The banker's decision panel (GET /financings/:id/decision): what a credit officer or an
// approver reads before recommending, approving or rejecting.

type Decision = Schema<'FinancingDecisionView'>;
type Person = Schema<'DecisionPersonView'>;
type Step = Schema<'DecisionStepView'>;
type Items = NonNullable<DescriptionsProps['items']>;

/** A person by name, the role they acted in and their organisation; the platform as "system". */
function personText(p: Person, { t, label }: I18n): string {
  if (p.system) return t('decision.system');
  if (!p.displayName) return t('decision.someone');
  return t('decision.person', { name: p.displayName, role: p.role ? label('role', p.role) : '—', organisation: p.organisation ?? '—' });
}

/** Small tables (limits, schedule, opinions, the record): antd's, named for screen readers. */
function Small<T extends object>({ name, rows, columns, rowKey }: { name: string; rows: T[]; columns: object[]; rowKey: string }) {
  const named = useNamedTable(name);
  return (
    <Table<T>
      size="small"
      pagination={false}
      rowKey={rowKey}
      dataSource={rows}
      columns={columns as TableProps<T>['columns']}
      components={named}
    />
  );
}

/** Above the recommend and approve buttons: the asset, collateral and LTV, limits, price, opinions, deadlines, the parties' record. */
export function DecisionPanel({ id }: { id: string }) {
  const { t } = useI18n();
  const decision = useLoad(() => api.GET('/financings/{id}/decision', { params: { path: { id } } }), [id], 3000);
  const d = decision.data;
  if (!d) return decision.error ? <ErrorNote error={decision.error} /> : null;
  return (
    <Section title={t('decision.title')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <AssetFacts d={d} />
        </Col>
        <Col xs={24} xl={12}>
          <Collateral d={d} />
          <Price d={d} />
        </Col>
        <Col span={24}>
          <Limits d={d} />
        </Col>
        <Col span={24}>
          <Opinions d={d} />
        </Col>
        <Col span={24}>
          <Deadlines d={d} />
        </Col>
        <Col span={24}>
          <Risk d={d} />
        </Col>
        <Col span={24}>
          <AssetRecord d={d} />
        </Col>
      </Row>
    </Section>
  );
}

function AssetFacts({ d }: { d: Decision }) {
  const i18n = useI18n();
  const { t, language } = i18n;
  const money = (amount: string) => formatMoney(amount, d.currency);
  const r = d.asset.receivable;
  const w = d.asset.receipt;
  const items: Items = r
    ? [
        { key: 'invoice', label: t('decision.invoiceNumber'), children: <span data-testid="decision-invoice">{r.invoiceNumber}</span> },
        { key: 'face', label: t('decision.faceValue'), children: money(r.faceValue) },
        { key: 'eligible', label: t('decision.eligible'), children: money(r.eligibleAmount) },
        { key: 'advance', label: t('decision.advanceRate'), children: formatPercent(r.advanceRate) },
        { key: 'issued', label: t('decision.issueDate'), children: formatDate(r.issueDate, language) },
        { key: 'due', label: t('decision.dueDate'), children: formatDate(r.dueDate, language) },
        { key: 'buyer', label: t('decision.buyer'), children: r.buyer },
        {
          key: 'confirmed',
          label: t('decision.buyerConfirmed'),
          children: r.buyerConfirmedBy
            ? t('decision.confirmedText', { who: personText(r.buyerConfirmedBy, i18n), at: formatDate(r.buyerConfirmedAt, language, true) })
            : t('decision.notConfirmed'),
        },
        { key: 'documents', label: t('decision.documents'), children: <Documents d={d} /> },
      ]
    : w
      ? [
          { key: 'receipt', label: t('decision.receiptNumber'), children: w.receiptNumber },
          { key: 'commodity', label: t('decision.commodity'), children: <span data-testid="decision-commodity">{w.commodityName}</span> },
          { key: 'grade', label: t('decision.grade'), children: w.grade },
          { key: 'quantity', label: t('decision.quantity'), children: `${formatQuantity(w.quantity)} ${w.unit}` },
          { key: 'price', label: t('decision.unitPrice', { date: formatDate(w.priceDate, language) }), children: money(w.unitPrice) },
          { key: 'gross', label: t('decision.grossValue'), children: money(w.grossValue) },
          { key: 'custodian', label: t('decision.custodian'), children: w.custodian },
          { key: 'location', label: t('decision.location'), children: w.location },
        ]
      : [];
  return <Descriptions bordered size="small" column={1} title={t('decision.asset')} items={items} />;
}

/** The receivable's documents, each opened through the financing (the bank reads the receivable itself only once pledged). */
function Documents({ d }: { d: Decision }) {
  const { t } = useI18n();
  const { error, run } = useAction();
  const documents = d.asset.receivable?.documents ?? [];
  if (documents.length === 0) return <>{t('decision.none')}</>;
  return (
    <>
      {documents.map((doc) => (
        <Button
          key={doc.id}
          type="link"
          size="small"
          aria-label={t('documents.download', { name: doc.name })}
          onClick={() =>
            run(() => download('/financings/{id}/documents/{documentId}', { path: { id: d.financingId, documentId: doc.id } }, doc.name))
          }
        >
          {doc.name}
        </Button>
      ))}
      <ErrorNote error={error} />
    </>
  );
}

function Collateral({ d }: { d: Decision }) {
  const { t } = useI18n();
  const c = d.collateral;
  const items: Items = [
    {
      key: 'value',
      label: t('decision.collateralValue'),
      children: <span data-testid="decision-collateral-value">{formatMoney(c.value, c.currency)}</span>,
    },
    ...(c.haircut !== null ? [{ key: 'haircut', label: t('decision.haircut'), children: formatPercent(c.haircut) }] : []),
    {
      key: 'ltv',
      label: t('decision.ltv'),
      children: (
        <>
          <span data-testid="decision-ltv">{formatPercent(c.ltv, 2)}</span> · {t('decision.maxRatio')} {formatPercent(c.maxRatio)}
        </>
      ),
    },
    ...(c.maintenanceLtv ? [{ key: 'maintenance', label: t('decision.maintenanceLtv'), children: formatPercent(c.maintenanceLtv) }] : []),
  ];
  return <Descriptions bordered size="small" column={1} title={t('decision.collateral')} items={items} />;
}

function Price({ d }: { d: Decision }) {
  const { t, language } = useI18n();
  const p = d.price;
  if (!p) return null;
  const money = (amount: string) => formatMoney(amount, p.currency);
  const items: Items = [
    { key: 'basis', label: t('decision.basis'), children: t(`decision.basis.${p.basis}`, { date: formatDate(p.startDate, language) }) },
    { key: 'rate', label: t('decision.rate'), children: formatRate(p.annualRate) },
    { key: 'feeRate', label: t('decision.feeRate'), children: formatRate(p.upfrontFeeRate) },
    { key: 'fee', label: t('decision.fee'), children: money(p.fee) },
    { key: 'interest', label: t('decision.interest'), children: money(p.totalInterest) },
    {
      key: 'total',
      label: t('decision.totalPayable'),
      children: <span data-testid="decision-total-payable">{money(p.totalPayable)}</span>,
    },
    { key: 'penalty', label: t('decision.penaltyRate'), children: formatRate(p.penaltyRate) },
  ];
  const columns = [
    { title: t('decision.line'), dataIndex: 'number' },
    { title: t('decision.lineDue'), dataIndex: 'dueDate', render: (v: string) => formatDate(v, language) },
    { title: t('decision.principal'), dataIndex: 'principal', align: 'right', render: money },
    { title: t('decision.lineInterest'), dataIndex: 'interest', align: 'right', render: money },
    { title: t('decision.payment'), dataIndex: 'payment', align: 'right', render: money },
  ];
  return (
    <>
      <Descriptions bordered size="small" column={1} title={t('decision.pricing')} items={items} style={{ marginTop: 16 }} />
      <Small name={t('decision.schedule')} rows={p.lines} columns={columns} rowKey="number" />
    </>
  );
}

function Limits({ d }: { d: Decision }) {
  const { t, label } = useI18n();
  const money = (amount: string | null, l: Schema<'DecisionLimitView'>) => (l.limit === null ? '—' : formatMoney(amount, l.currency));
  const columns = [
    { title: t('decision.limitKind'), dataIndex: 'kind', render: (k: string) => label('limit', k) },
    { title: t('decision.limitSubject'), dataIndex: 'subjectName' },
    {
      title: t('decision.limitAmount'),
      dataIndex: 'limit',
      align: 'right',
      render: (v: string | null, l: Schema<'DecisionLimitView'>) =>
        v === null ? <Tag color="error">{t('decision.noLimit')}</Tag> : money(v, l),
    },
    { title: t('decision.before'), dataIndex: 'utilisedBefore', align: 'right', render: money },
    { title: t('decision.after'), dataIndex: 'utilisedAfter', align: 'right', render: money },
    { title: t('decision.availableAfter'), dataIndex: 'availableAfter', align: 'right', render: money },
    {
      title: t('decision.reservation'),
      dataIndex: 'reserved',
      render: (reserved: boolean) => (reserved ? t('decision.reserved') : t('decision.notReserved')),
    },
  ];
  return (
    <>
      <h3>{t('decision.limits')}</h3>
      <Small name={t('decision.limits')} rows={d.limits} columns={columns} rowKey="kind" />
    </>
  );
}

function Opinions({ d }: { d: Decision }) {
  const i18n = useI18n();
  const { t, label, language } = i18n;
  const rows: Array<Step & { key: string; testid: string }> = [
    ...(d.confirmation ? [{ ...d.confirmation, key: 'confirmation', testid: 'decision-confirmation' }] : []),
    ...(d.recommendation ? [{ ...d.recommendation, key: 'recommendation', testid: 'decision-recommendation' }] : []),
    ...d.decisions.map((s, i) => ({ ...s, key: `decision-${i}`, testid: `decision-${s.step}` })),
  ];
  const columns = [
    { title: t('decision.step'), dataIndex: 'step', render: (s: string) => label('step', s) },
    { title: t('decision.who'), dataIndex: 'by', render: (p: Person) => personText(p, i18n) },
    { title: t('decision.when'), dataIndex: 'at', render: (at: string) => formatDate(at, language, true) },
    {
      title: t('decision.comment'),
      dataIndex: 'comment',
      render: (c: string | null, row: { testid: string }) => (
        <span data-testid={`${row.testid}-comment`}>{c ?? t('decision.noComment')}</span>
      ),
    },
  ];
  return (
    <>
      <h3>{t('decision.opinions')}</h3>
      {!d.recommendation && (
        <p className="muted">
          {t('decision.recommendation')}: {t('decision.notYet')}
        </p>
      )}
      <Small name={t('decision.opinions')} rows={rows} columns={columns} rowKey="key" />
    </>
  );
}

function Deadlines({ d }: { d: Decision }) {
  const i18n = useI18n();
  const { t, label, language } = i18n;
  const items: Items = d.deadlines.map((x) => ({
    key: x.what,
    label: x.what === 'asset.due' ? t('decision.deadline.asset.due') : label('step', x.what),
    children: [
      formatDate(x.by, language, !/^\d{4}-\d{2}-\d{2}$/.test(x.by)),
      x.organisation &&
        `${x.organisation}${x.roles.length ? ` · ${x.roles.map((r) => label('role', r)).join(language === 'en' ? ', ' : '、')}` : ''}`,
    ]
      .filter(Boolean)
      .join(' · '),
  }));
  return <Descriptions bordered size="small" column={1} title={t('decision.deadlines')} items={items} />;
}

function Risk({ d }: { d: Decision }) {
  const { t, label } = useI18n();
  const parties = [
    { ...d.risk.sme, role: t('decision.risk.sme') },
    ...(d.risk.buyer ? [{ ...d.risk.buyer, role: t('decision.risk.buyer') }] : []),
  ];
  const columns = [
    { title: t('decision.risk.party'), dataIndex: 'name', render: (name: string, p: { role: string }) => `${p.role} · ${name}` },
    { title: t('decision.risk.financings'), dataIndex: 'financings', align: 'right' },
    { title: t('decision.risk.repaying'), dataIndex: 'repaying', align: 'right' },
    { title: t('decision.risk.outstanding'), dataIndex: 'outstanding', align: 'right', render: (v: string) => formatMoney(v, d.currency) },
    { title: t('decision.risk.dpdNow'), dataIndex: 'daysPastDueNow', align: 'right' },
    { title: t('decision.risk.worstEver'), dataIndex: 'worstAgeingEver', render: (b: string | null) => (b ? label('ageing', b) : '—') },
    { title: t('decision.risk.disputes'), dataIndex: 'disputedReceivables', align: 'right' },
  ];
  return (
    <>
      <h3>{t('decision.risk')}</h3>
      <Small name={t('decision.risk')} rows={parties} columns={columns} rowKey="organisationId" />
    </>
  );
}

function AssetRecord({ d }: { d: Decision }) {
  const i18n = useI18n();
  const { t, label, language } = i18n;
  const columns = [
    { title: t('decision.step'), dataIndex: 'action', render: (a: string) => label('decision.action', a) },
    { title: t('decision.who'), dataIndex: 'by', render: (p: Person) => personText(p, i18n) },
    { title: t('decision.when'), dataIndex: 'at', render: (at: string) => formatDate(at, language, true) },
  ];
  const rows = d.asset.history.map((s, i) => ({ ...s, key: String(i) }));
  return (
    <>
      <h3>{t('decision.history')}</h3>
      <Small name={t('decision.history')} rows={rows} columns={columns} rowKey="key" />
    </>
  );
}
