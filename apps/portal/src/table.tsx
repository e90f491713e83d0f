// Every list of the portal on Ant Design Pro's ProTable, with the conventions its users know:
// server-side paging, sorting, filters and search, column settings, density, reload, "to do /
// done" tabs, an empty state, and export of everything the filters select to Excel.

import { ActionType, ProColumns, ProTable } from '@ant-design/pro-components';
import { Button, Empty } from 'antd';
import { Key, ReactNode, useMemo, useRef, useState } from 'react';
import { explain, useI18n } from './i18n';
import { downloadWorkbook } from './excel';

/** What a list asks its API for: the page, one sort, the search text and the column filters. */
export interface ListQuery {
  limit: number;
  offset: number;
  sort?: string;
  order?: 'asc' | 'desc';
  q?: string;
  /** The active tab's key, when the list has tabs. */
  tab?: string;
  /** Column filters, by the column's `filterKey` or dataIndex: the chosen value. */
  filters: Record<string, string>;
}

/**
 * The query every list endpoint takes (libs/http's ListQuery): its page, one sort among the
 * endpoint's own fields (`S`), the search and the to-do/done queue when the list has tabs.
 */
export function pageQuery<S extends string>(
  q: ListQuery,
): { limit: number; offset: number; sort?: S; order?: 'asc' | 'desc'; q?: string; queue?: 'todo' | 'done' } {
  return {
    limit: q.limit,
    offset: q.offset,
    sort: q.sort as S | undefined,
    order: q.order,
    q: q.q,
    queue: q.tab as 'todo' | 'done' | undefined,
  };
}

export interface ListPage<T> {
  items: T[];
  total: number;
}

/**
 * A column: ProTable's own, with a text title (it heads the Excel sheet too), the value an
 * export writes (else the row's dataIndex value) and the query name a filter is sent under.
 */
export type ListColumn<T> = Omit<ProColumns<T>, 'title'> & {
  title: string;
  exportValue?: ((row: T) => string | number | null | undefined) | false;
  filterKey?: string;
};

export interface ListTableProps<T> {
  /** The list's name: its heading, its table's accessible name and the exported sheet's name. */
  title: string;
  columns: Array<ListColumn<T>>;
  load: (query: ListQuery) => Promise<ListPage<T>>;
  rowKey: keyof T & string;
  /** The search box's placeholder: what the API's `q` searches; no box without it. */
  searchHint?: string;
  /** The export file's name (no extension); no export button without it. */
  exportName?: string;
  tabs?: Array<{ key: string; label: string }>;
  /** Anything the page also filters by: a change reloads the list. */
  params?: Record<string, unknown>;
  selectable?: { selected: Key[]; onChange: (keys: Key[], rows: T[]) => void };
  toolbar?: ReactNode[];
  actionRef?: React.RefObject<ActionType | undefined>;
  pageSize?: number;
}

/**
 * antd's tables render a bare <table>: this names it for screen readers (and tests), as one
 * component for as long as the name stays (a new one each render would rebuild the table).
 */
export function useNamedTable(name: string): { table: (props: object) => ReactNode } {
  return useMemo(() => ({ table: (props: object) => <table {...props} aria-label={name} /> }), [name]);
}

/** The most rows an export reads (pages of 100, the API's largest). */
const EXPORT_LIMIT = 10_000;

/** Every row the list's last query selects, read a page of 100 at a time, saved as a workbook. */
function useExport<T extends object>(props: ListTableProps<T>, last: { current: ListQuery }) {
  const [exporting, setExporting] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const exportAll = async () => {
    setExporting(true);
    setFailure(undefined);
    try {
      const rows: T[] = [];
      for (let offset = 0; offset < EXPORT_LIMIT; offset += 100) {
        const page = await props.load({ ...last.current, limit: 100, offset });
        rows.push(...page.items);
        if (rows.length >= page.total || page.items.length === 0) break;
      }
      await downloadWorkbook(sheetOf(props.title, props.columns, rows), props.exportName!);
    } catch (e) {
      setFailure(e);
    } finally {
      setExporting(false);
    }
  };
  return { exporting, failure, exportAll };
}

export function ListTable<T extends object>(props: ListTableProps<T>) {
  const { t, language } = useI18n();
  const [tab, setTab] = useState(props.tabs?.[0]?.key);
  const last = useRef<ListQuery>({ limit: props.pageSize ?? 20, offset: 0, filters: {} });
  const { exporting, failure, exportAll } = useExport(props, last);
  const named = useNamedTable(props.title);
  const columns = useMemo(() => props.columns.map(({ exportValue: _e, filterKey: _f, ...c }) => c as ProColumns<T>), [props.columns]);

  return (
    <section aria-label={props.title} className="list">
      <ProTable<T, { tab?: string }>
        headerTitle={<h2>{props.title}</h2>}
        rowKey={props.rowKey}
        columns={columns}
        actionRef={props.actionRef}
        params={{ tab, ...props.params }}
        request={async (params, sort, filter) => {
          last.current = queryOf(params, sort, filter, props.columns, tab);
          const page = await props.load(last.current);
          return { data: page.items, total: page.total, success: true };
        }}
        search={false}
        pagination={{ pageSize: props.pageSize ?? 20, showSizeChanger: true, showTotal: (total) => t('table.total', { total }) }}
        options={{
          search: props.searchHint ? { placeholder: props.searchHint, allowClear: true } : false,
          setting: true,
          density: true,
          reload: true,
        }}
        toolbar={
          props.tabs ? { menu: { type: 'tab', activeKey: tab, items: props.tabs, onChange: (key) => setTab(String(key)) } } : undefined
        }
        toolBarRender={() => [
          ...(props.toolbar ?? []),
          ...(props.exportName
            ? [
                <Button key="export" onClick={() => void exportAll()} loading={exporting}>
                  {exporting ? t('table.exporting') : t('table.export')}
                </Button>,
              ]
            : []),
        ]}
        rowSelection={
          props.selectable
            ? { selectedRowKeys: props.selectable.selected, onChange: (keys, rows) => props.selectable!.onChange(keys, rows) }
            : false
        }
        tableAlertRender={false}
        locale={{ emptyText: <Empty description={t('table.empty')} /> }}
        components={named}
        cardBordered
      />
      {failure ? (
        <p className="error" role="alert">
          {explain(language, failure)}
        </p>
      ) : null}
    </section>
  );
}

/** ProTable's request arguments as the API's query: offset paging, one sort, `q`, filters by name. */
function queryOf<T>(
  params: { current?: number; pageSize?: number; keyword?: string },
  sort: Record<string, 'ascend' | 'descend' | null>,
  filter: Record<string, Array<string | number> | null>,
  columns: Array<ListColumn<T>>,
  tab: string | undefined,
): ListQuery {
  const limit = params.pageSize ?? 20;
  const [field, direction] = Object.entries(sort).find(([, d]) => d) ?? [];
  const filters: Record<string, string> = {};
  for (const [key, values] of Object.entries(filter)) {
    const column = columns.find((c) => String(c.key ?? c.dataIndex) === key);
    if (values?.length) filters[column?.filterKey ?? key] = String(values[0]);
  }
  const q = params.keyword?.trim();
  return {
    limit,
    offset: ((params.current ?? 1) - 1) * limit,
    ...(field && direction ? { sort: field, order: direction === 'ascend' ? 'asc' : 'desc' } : {}),
    ...(q ? { q } : {}),
    ...(tab ? { tab } : {}),
    filters,
  } as ListQuery;
}

/** The rows as a sheet: every column that exports, headed by its title in the reader's language. */
function sheetOf<T>(name: string, columns: Array<ListColumn<T>>, rows: T[]) {
  const exported = columns.filter((c) => c.exportValue !== false && c.valueType !== 'option' && !c.hideInTable);
  const cell = (c: ListColumn<T>, row: T) => {
    if (c.exportValue) return c.exportValue(row) ?? null;
    const path = ([] as Array<string | number>).concat((c.dataIndex as string | number | Array<string | number>) ?? []);
    const value = path.reduce<unknown>((v, k) => (v == null ? v : (v as Record<string | number, unknown>)[k]), row);
    return value == null ? null : typeof value === 'number' ? value : String(value);
  };
  return { name, header: exported.map((c) => c.title), rows: rows.map((row) => exported.map((c) => cell(c, row))) };
}
