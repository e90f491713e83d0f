// The platform operator's desk: organisations and their people, commodities and their prices,
// the audit trail. Where money belongs to a bank the operator reads and does nothing: no action
// of a bank's desk is offered here, and the API refuses them to the operator anyway.

import { ActionType } from '@ant-design/pro-components';
import { Alert, Button, Input, Space, Table, Tabs, Tag } from 'antd';
import { FormEvent, useRef, useState } from 'react';
import { api, Schema } from '../api';
import type { AuditEvent } from '../api-answers';
import type { operations } from '../api-schema';
import { formatDate, formatPercent } from '../format';
import { I18n, useI18n } from '../i18n';
import type { Me } from '../me';
import { ListColumn, ListQuery, ListTable } from '../table';
import { ErrorNote, Field, Section, textOf, useAction, useAsk, useLoad, usePageTitle } from '../ui';

type Organisation = Schema<'OrganisationView'>;
type Person = Schema<'UserView'>;
type Commodity = Schema<'CommodityView'>;
type Price = Schema<'CommodityPriceView'>;

const KINDS = ['SME', 'CORE_ENTERPRISE', 'CUSTODIAN', 'BANK', 'OPERATOR'] as const;

export function OperatorHome({ me }: { me: Me }) {
  const { t } = useI18n();
  usePageTitle(t('operator.title'));
  const admin = me.roles.includes('ADMIN');
  return (
    <>
      <h1>{t('operator.title')}</h1>
      <Alert type="info" showIcon message={t('operator.readOnly')} />
      <Tabs
        aria-label={t('operator.tabs')}
        items={[
          { key: 'organisations', label: t('operator.organisations'), children: <Organisations admin={admin} /> },
          { key: 'commodities', label: t('operator.commodities'), children: <Commodities admin={admin} /> },
          { key: 'audit', label: t('operator.audit'), children: <AuditLog /> },
        ]}
      />
    </>
  );
}

/** Every organisation on the platform, by kind; one's people opened below. */
function Organisations({ admin }: { admin: boolean }) {
  const { t, label } = useI18n();
  const [open, setOpen] = useState<Organisation>();
  const columns: Array<ListColumn<Organisation>> = [
    { title: t('org.name'), dataIndex: 'name' },
    {
      title: t('org.kind'),
      dataIndex: 'kind',
      filters: KINDS.map((k) => ({ text: label('orgKind', k), value: k })),
      filterMultiple: false,
      render: (_, o) => label('orgKind', o.kind),
      exportValue: (o) => label('orgKind', o.kind),
    },
    { title: t('org.creditCode'), dataIndex: 'creditCode' },
    {
      title: t('common.actions'),
      valueType: 'option',
      render: (_, o) => (
        <Button size="small" onClick={() => setOpen(o)} aria-label={t('org.peopleOf', { name: o.name })}>
          {t('org.people')}
        </Button>
      ),
    },
  ];
  const load = async (q: ListQuery) => {
    const kind = q.filters.kind as (typeof KINDS)[number] | undefined;
    return api.GET('/organisations', { params: { query: { limit: q.limit, offset: q.offset, ...(kind ? { kind } : {}) } } });
  };
  return (
    <>
      <ListTable<Organisation> title={t('operator.organisations')} rowKey="id" columns={columns} load={load} exportName="organisations" />
      {open && <People organisation={open} admin={admin} />}
    </>
  );
}

const CONFIRM = {
  deactivate: 'user.confirmDeactivate',
  reactivate: 'user.confirmReactivate',
  resetPassword: 'user.confirmResetPassword',
  resetSecondFactor: 'user.confirmResetSecondFactor',
} as const;

/** An organisation's people; an admin deactivates, reactivates and resets, each after a confirmation. */
type PersonAction = keyof typeof CONFIRM;

function People({ organisation, admin }: { organisation: Organisation; admin: boolean }) {
  const { t, label, language } = useI18n();
  const people = useLoad(() => api.GET('/organisations/{id}/users', { params: { path: { id: organisation.id } } }), [organisation.id]);
  const { error, notice, setNotice, run } = useAction();
  const ask = useAsk();
  const act = (person: Person, action: PersonAction) =>
    run(async () => {
      const title = t(`user.${action}`);
      const message = t(CONFIRM[action], { name: person.displayName });
      if ((await ask({ title, message, confirm: title, danger: action === 'deactivate' })) === null) return;
      setNotice(await perform(organisation.id, person, action, { t, language }));
      people.reload();
    });
  const actions = (p: Person) => (
    <Space wrap>
      {p.active ? (
        <Button size="small" danger onClick={() => void act(p, 'deactivate')}>
          {t('user.deactivate')}
        </Button>
      ) : (
        <Button size="small" onClick={() => void act(p, 'reactivate')}>
          {t('user.reactivate')}
        </Button>
      )}
      <Button size="small" onClick={() => void act(p, 'resetPassword')}>
        {t('user.resetPassword')}
      </Button>
      <Button size="small" onClick={() => void act(p, 'resetSecondFactor')}>
        {t('user.resetSecondFactor')}
      </Button>
    </Space>
  );
  return (
    <Section title={t('org.peopleOf', { name: organisation.name })}>
      <ErrorNote error={error ?? people.error} />
      {notice && <Alert type="success" showIcon message={notice} role="status" />}
      <Table<Person>
        aria-label={t('org.peopleOf', { name: organisation.name })}
        rowKey="id"
        size="small"
        pagination={false}
        loading={!people.data && !people.error}
        dataSource={people.data ?? []}
        columns={[
          { title: t('user.name'), dataIndex: 'displayName' },
          { title: t('user.email'), dataIndex: 'email' },
          { title: t('user.roles'), render: (_, p) => p.roles.map((r) => label('role', r)).join(language === 'en' ? ', ' : '、') },
          {
            title: t('user.status'),
            render: (_, p) => (p.active ? <Tag color="green">{t('user.active')}</Tag> : <Tag>{t('user.inactive')}</Tag>),
          },
          ...(admin ? [{ title: t('common.actions'), render: (_: unknown, p: Person) => actions(p) }] : []),
        ]}
      />
    </Section>
  );
}

/** Carries an admin's action on a person out; what to tell the admin (a reset's one-time code to hand over). */
async function perform(organisationId: string, person: Person, action: PersonAction, { t, language }: Pick<I18n, 't' | 'language'>) {
  const path = { params: { path: { id: organisationId, userId: person.id } } };
  if (action === 'resetPassword') {
    const reset = await api.POST('/organisations/{id}/users/{userId}/password-reset', path);
    return t('user.resetCode', { name: person.displayName, code: reset.code, until: formatDate(reset.expiresAt, language, true) });
  }
  if (action === 'deactivate') await api.POST('/organisations/{id}/users/{userId}/deactivate', path);
  else if (action === 'reactivate') await api.POST('/organisations/{id}/users/{userId}/reactivate', path);
  else await api.POST('/organisations/{id}/users/{userId}/second-factor/reset', path);
  return t('user.done', { name: person.displayName });
}

/** The commodity registry; a commodity's prices, newest first, and (for an admin) a price recorded. */
function Commodities({ admin }: { admin: boolean }) {
  const { t, language } = useI18n();
  const commodities = useLoad(() => api.GET('/commodities'), []);
  const [open, setOpen] = useState<Commodity>();
  return (
    <>
      <ErrorNote error={commodities.error} />
      <Table<Commodity>
        aria-label={t('operator.commodities')}
        rowKey="code"
        size="small"
        pagination={false}
        loading={!commodities.data && !commodities.error}
        dataSource={commodities.data ?? []}
        columns={[
          { title: t('commodity.name'), dataIndex: 'name' },
          { title: t('commodity.code'), dataIndex: 'code' },
          { title: t('commodity.unit'), dataIndex: 'unit' },
          { title: t('commodity.haircut'), render: (_, c) => formatPercent(c.haircut) },
          { title: t('commodity.updated'), render: (_, c) => formatDate(c.updatedAt, language, true) },
          {
            title: t('common.actions'),
            render: (_, c) => (
              <Button size="small" onClick={() => setOpen(c)} aria-label={t('commodity.prices', { name: c.name })}>
                {t('common.open')}
              </Button>
            ),
          },
        ]}
      />
      {open && <Prices commodity={open} admin={admin} />}
    </>
  );
}

function Prices({ commodity, admin }: { commodity: Commodity; admin: boolean }) {
  const { t } = useI18n();
  const table = useRef<ActionType>(undefined);
  const { error, notice, setNotice, run } = useAction();
  const record = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const body = { date: textOf(form, 'date'), price: textOf(form, 'price'), source: textOf(form, 'source') };
    void run(async () => {
      await api.POST('/commodities/{code}/prices', { params: { path: { code: commodity.code } }, body });
      setNotice(t('price.recorded', { name: commodity.name, date: body.date }));
      table.current?.reload();
    });
  };
  const columns: Array<ListColumn<Price>> = [
    { title: t('price.date'), dataIndex: 'priceDate' },
    { title: t('price.price'), dataIndex: 'price', align: 'right', render: (_, p) => `${p.price} / ${commodity.unit}` },
    { title: t('price.currency'), dataIndex: 'currency' },
    { title: t('price.source'), dataIndex: 'source' },
  ];
  const load = (q: ListQuery) =>
    api.GET('/commodities/{code}/prices', { params: { path: { code: commodity.code }, query: { limit: q.limit, offset: q.offset } } });
  return (
    <>
      {admin && (
        <Section title={t('price.record')}>
          <form onSubmit={record} aria-label={t('price.record')} className="inline-form">
            <Field label={t('price.date')} name="date" error={error}>
              {(p) => <Input {...p} type="date" required />}
            </Field>
            <Field label={`${t('price.price')} (CNY / ${commodity.unit})`} name="price" error={error}>
              {(p) => <Input {...p} inputMode="decimal" required />}
            </Field>
            <Field label={t('price.source')} name="source" error={error}>
              {(p) => <Input {...p} required maxLength={200} />}
            </Field>
            <ErrorNote error={error} fields={['date', 'price', 'source']} />
            {notice && <Alert type="success" showIcon message={notice} role="status" />}
            <Button type="primary" htmlType="submit">
              {t('price.record')}
            </Button>
          </form>
        </Section>
      )}
      <ListTable<Price>
        title={t('commodity.prices', { name: commodity.name })}
        rowKey="priceDate"
        columns={columns}
        load={load}
        params={{ code: commodity.code }}
        actionRef={table}
        exportName={`prices-${commodity.code}`}
      />
    </>
  );
}

type AuditSort = NonNullable<NonNullable<operations['AuditController_list']['parameters']['query']>['sort']>;
type AuditFilter = { actor?: string; entityType?: string; entityId?: string; from?: string; to?: string };

/** The trail, newest first, paged and sorted by the API: by who acted, which object, and when. */
function AuditLog() {
  const { t, language } = useI18n();
  const [filter, setFilter] = useState<AuditFilter>({});
  const columns: Array<ListColumn<AuditEvent>> = [
    { title: t('audit.at'), dataIndex: 'occurredAt', sorter: true, render: (_, e) => formatDate(e.occurredAt, language, true) },
    { title: t('audit.actor'), dataIndex: 'actorLabel', key: 'actor', sorter: true },
    { title: t('audit.action'), dataIndex: 'action', sorter: true },
    { title: t('audit.objectType'), dataIndex: 'entityType', sorter: true },
    { title: t('audit.objectId'), dataIndex: 'entityId', ellipsis: true },
  ];
  const load = (q: ListQuery) => {
    const query = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
    const sorted = q.sort ? { sort: q.sort as AuditSort, order: q.order } : {};
    return api.GET('/audit-events', {
      params: { query: { limit: q.limit, offset: q.offset, ...sorted, ...(q.q ? { q: q.q } : {}), ...query } },
    });
  };
  return (
    <>
      <AuditFilters onChange={setFilter} />
      <ListTable<AuditEvent>
        title={t('operator.audit')}
        rowKey="id"
        columns={columns}
        load={load}
        params={filter}
        searchHint={t('audit.search')}
        exportName="audit-log"
      />
    </>
  );
}

/** Who acted (part of their address or label), the object, and a period in the reader's own time. */
function AuditFilters({ onChange }: { onChange: (filter: AuditFilter) => void }) {
  const { t } = useI18n();
  const apply = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const instant = (name: string) => (textOf(form, name) ? new Date(textOf(form, name)).toISOString() : undefined);
    const text = (name: string) => textOf(form, name).trim() || undefined;
    onChange({
      actor: text('actor'),
      entityType: text('entityType'),
      entityId: text('entityId'),
      from: instant('from'),
      to: instant('to'),
    });
  };
  const fields: Array<[string, string, object]> = [
    ['actor', t('audit.actor'), { maxLength: 200 }],
    ['entityType', t('audit.objectType'), { maxLength: 64 }],
    ['entityId', t('audit.objectId'), { maxLength: 64 }],
    ['from', t('audit.from'), { type: 'datetime-local' }],
    ['to', t('audit.to'), { type: 'datetime-local' }],
  ];
  return (
    <form onSubmit={apply} onReset={() => onChange({})} aria-label={t('audit.filters')} className="inline-form">
      {fields.map(([name, text, props]) => (
        <Field key={name} label={text} name={name}>
          {(p) => <Input {...p} {...props} />}
        </Field>
      ))}
      <Space>
        <Button type="primary" htmlType="submit">
          {t('audit.filter')}
        </Button>
        <Button htmlType="reset">{t('audit.clear')}</Button>
      </Space>
    </form>
  );
}
