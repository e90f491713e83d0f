import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { Button, Card, Col, Row, Table } from 'antd';
import { useState } from 'react';
import { api, Schema } from '../api';
import { formatDate, formatMoney, share } from '../format';
import { useI18n } from '../i18n';
import { ListColumn, ListTable, useNamedTable } from '../table';
import { useLoad, usePageTitle } from '../ui';
import { useCommodityNames } from './names';
import { useOrganisations } from './shared';

// only what the page draws, rendered as SVG: its labels are text a screen reader and a test can read
echarts.use([BarChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

type Bucket = Schema<'PortfolioView'>['buckets'][number];
type Loan = Schema<'PortfolioLoanView'>;

/**
 * The portfolio: principal outstanding by ageing bucket (a chart and its table, each bucket
 * opening the loans behind it) and how much of each limit is used, names in full.
 */
export function PortfolioPage() {
  const { t, label } = useI18n();
  usePageTitle(t('portfolio.title'));
  const portfolio = useLoad(() => api.GET('/portfolio'), []);
  const [open, setOpen] = useState<Bucket['bucket']>();
  const buckets = portfolio.data?.buckets ?? [];
  return (
    <>
      <h1>{t('portfolio.title')}</h1>
      <Row gutter={[20, 20]}>
        <Col xs={24} lg={12}>
          <Card title={<h2>{t('portfolio.ageing')}</h2>}>
            <Bars
              title={t('portfolio.ageing')}
              bars={buckets.map((b) => ({ key: b.bucket, name: label('ageing', b.bucket), value: b.outstanding }))}
              onPick={(key) => setOpen(key as Bucket['bucket'])}
            />
            <p className="muted">{t('portfolio.chartHint')}</p>
            <BucketTable portfolio={portfolio.data} onOpen={setOpen} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <LimitUtilisation />
        </Col>
      </Row>
      {open && <BucketLoans key={open} bucket={open} />}
    </>
  );
}

function BucketTable({ portfolio, onOpen }: { portfolio?: Schema<'PortfolioView'>; onOpen: (bucket: Bucket['bucket']) => void }) {
  const { t, label } = useI18n();
  const named = useNamedTable(t('portfolio.buckets'));
  return (
    <Table<Bucket>
      components={named}
      size="small"
      pagination={false}
      rowKey="bucket"
      dataSource={portfolio?.buckets ?? []}
      columns={[
        {
          title: t('portfolio.bucket'),
          key: 'bucket',
          render: (_, b) => (
            <Button type="link" onClick={() => onOpen(b.bucket)} aria-label={t('portfolio.open', { bucket: label('ageing', b.bucket) })}>
              {label('ageing', b.bucket)}
            </Button>
          ),
        },
        { title: t('portfolio.count'), dataIndex: 'count', align: 'right' },
        {
          title: t('portfolio.outstanding'),
          key: 'outstanding',
          align: 'right',
          render: (_, b) => formatMoney(b.outstanding, portfolio?.currency),
        },
      ]}
      summary={() =>
        portfolio && (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>{t('portfolio.total')}</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {portfolio.total.count}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              {formatMoney(portfolio.total.outstanding, portfolio.currency)}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )
      }
    />
  );
}

/** The loans behind one bucket, most owed first, on the shared list (paging, export). */
function BucketLoans({ bucket }: { bucket: Bucket['bucket'] }) {
  const { t, label, language } = useI18n();
  const columns: Array<ListColumn<Loan>> = [
    { title: t('financings.ref'), dataIndex: 'ref', render: (_, l) => <a href={`#/financings/${l.id}`}>{l.ref}</a> },
    { title: t('portfolio.sme'), dataIndex: 'sme' },
    { title: t('portfolio.counterparty'), dataIndex: 'counterparty' },
    {
      title: t('financings.product'),
      dataIndex: 'product',
      render: (_, l) => label('product', l.product),
      exportValue: (l) => label('product', l.product),
    },
    { title: t('financings.amount'), dataIndex: 'amount', align: 'right', render: (_, l) => formatMoney(l.amount, l.currency) },
    {
      title: t('portfolio.outstanding'),
      dataIndex: 'outstanding',
      align: 'right',
      render: (_, l) => formatMoney(l.outstanding, l.currency),
    },
    {
      title: t('portfolio.disbursed'),
      dataIndex: 'disbursedAt',
      render: (_, l) => formatDate(l.disbursedAt, language),
      exportValue: (l) => formatDate(l.disbursedAt, language),
    },
  ];
  const title = t('portfolio.loansIn', { bucket: label('ageing', bucket) });
  return (
    <ListTable<Loan>
      title={title}
      rowKey="id"
      columns={columns}
      exportName={title}
      load={(q) =>
        api.GET('/portfolio/buckets/{bucket}/loans', { params: { path: { bucket }, query: { limit: q.limit, offset: q.offset } } })
      }
    />
  );
}

/** Every limit of the bank with its utilisation: the subject's whole name, the share and the amount. */
function LimitUtilisation() {
  const { t } = useI18n();
  const organisations = useOrganisations();
  const limits = useLoad(() => api.GET('/credit-limits', { params: { query: { limit: 100 } } }), []);
  const commodityName = useCommodityNames();
  // a limit's subject is an organisation, or a commodity (concentration) by its code
  const nameOf = (subject: string) => organisations.find((o) => o.id === subject)?.name ?? commodityName(subject);
  return (
    <Card title={<h2>{t('portfolio.limits')}</h2>}>
      <Bars
        title={t('portfolio.limits')}
        bars={(limits.data?.items ?? []).map((l) => ({
          key: l.id,
          name: nameOf(l.subject),
          value: l.utilised,
          shown: t('portfolio.utilised', { amount: formatMoney(l.utilised, l.currency), share: share(l.utilised, l.amount) }),
        }))}
      />
    </Card>
  );
}

/**
 * A horizontal ECharts bar chart. Amounts stay decimal strings everywhere else; only the bars'
 * lengths become numbers, and every label shows the exact amount.
 */
function Bars({
  title,
  bars,
  onPick,
}: {
  title: string;
  bars: Array<{ key: string; name: string; value: string; shown?: string }>;
  onPick?: (key: string) => void;
}) {
  const shown = (i: number) => bars[i].shown ?? formatMoney(bars[i].value);
  const option = {
    aria: { enabled: true, label: { description: `${title}: ${bars.map((b, i) => `${b.name} ${shown(i)}`).join('; ')}` } },
    grid: { left: 8, right: '32%', top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', formatter: (p: { dataIndex: number }) => `${bars[p.dataIndex].name}<br/>${shown(p.dataIndex)}` },
    xAxis: { type: 'value', axisLabel: { show: false }, splitLine: { show: false } },
    // a long name (a company's, a commodity's) wraps rather than being cut
    yAxis: {
      type: 'category',
      inverse: true,
      data: bars.map((b) => b.name),
      axisTick: { show: false },
      axisLabel: { width: 150, overflow: 'break' },
    },
    series: [
      {
        type: 'bar',
        data: bars.map((b) => Number(b.value)),
        barMaxWidth: 22,
        itemStyle: { color: '#1d4f91' },
        label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => shown(p.dataIndex), color: '#1d2733' },
        cursor: onPick ? 'pointer' : 'default',
      },
    ],
  };
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      opts={{ renderer: 'svg' }}
      style={{ height: Math.max(140, bars.length * 40) }}
      onEvents={onPick ? { click: (p: { dataIndex: number }) => onPick(bars[p.dataIndex].key) } : undefined}
    />
  );
}
