// A bank's account settings, for its back office (who changes them) and treasury (who reads them
// and approves rules): the accounts, how each one's CSV export is laid out, and its charge rules
// (proposed by one person, in force once a second approves, as the API has it).

import { Alert, Button, Checkbox, Input, InputNumber, Radio, Space, Table } from 'antd';
import { FormEvent, useEffect, useState } from 'react';
import { api, ApiError, Schema } from '../api';
import type { ApprovalRequest, BankAccount, StatementRule } from '../api-answers';
import { formatDate } from '../format';
import { useI18n } from '../i18n';
import type { Me } from '../me';
import { ErrorNote, Field, Section, textOf, useAction, useAsk, useLoad, usePageTitle } from '../ui';

type Mapping = Schema<'CsvMappingDto'>;
type Columns = Mapping['columns'];

const COLUMNS: Array<keyof Columns> = [
  'bookingDate',
  'valueDate',
  'amount',
  'debit',
  'credit',
  'reference',
  'endToEndId',
  'counterpartyName',
  'counterpartyAccount',
  'remittance',
];
const DELIMITERS: Array<Mapping['delimiter']> = [',', ';', '\t'];
const SEPARATORS: Array<Mapping['decimalSeparator']> = ['.', ','];
const DATE_FORMATS: Array<Mapping['dateFormat']> = ['YYYY-MM-DD', 'DD.MM.YYYY', 'YYYYMMDD', 'DD/MM/YYYY'];
const RULE_KIND = 'reconciliation.statement-rule';

export function BankSettingsPage({ me }: { me: Me }) {
  const { t, label } = useI18n();
  usePageTitle(t('settings.title'));
  const accounts = useLoad(() => api.GET('/reconciliation/accounts'), []);
  const [chosen, setChosen] = useState<string>();
  const account = chosen ?? accounts.data?.[0]?.account;
  const backOffice = me.roles.includes('BACK_OFFICE');
  return (
    <>
      <h1>{t('settings.title')}</h1>
      <Section title={t('settings.accounts')}>
        <ErrorNote error={accounts.error} />
        <Table<BankAccount>
          aria-label={t('settings.accounts')}
          rowKey="account"
          size="small"
          pagination={false}
          dataSource={accounts.data ?? []}
          columns={[
            { title: t('settings.account'), dataIndex: 'account' },
            { title: t('settings.holder'), render: (_, a) => a.name ?? '—' },
            { title: t('settings.currency'), dataIndex: 'currency' },
            { title: t('settings.ledgerAccount'), render: (_, a) => label('ledgerAccount', a.ledgerAccount) },
            { title: t('settings.encoding'), render: (_, a) => a.statementEncoding ?? t('settings.encoding.auto') },
            {
              title: t('common.actions'),
              render: (_, a) => (
                <Button
                  size="small"
                  type={a.account === account ? 'primary' : 'default'}
                  aria-pressed={a.account === account}
                  aria-label={`${t('settings.choose')} ${a.account}`}
                  onClick={() => setChosen(a.account)}
                >
                  {t('common.open')}
                </Button>
              ),
            },
          ]}
        />
      </Section>
      {account && (
        <>
          <CsvLayout key={`csv-${account}`} account={account} editable={backOffice} />
          <ChargeRules key={`rules-${account}`} account={account} me={me} />
        </>
      )}
    </>
  );
}

const BLANK: Mapping = {
  delimiter: ',',
  hasHeader: true,
  decimalSeparator: '.',
  dateFormat: 'YYYY-MM-DD',
  currency: 'CNY',
  columns: { bookingDate: 1 },
};

/** The account's CSV layout as saved (or a blank one), edited in place by the back office. */
function CsvLayout({ account, editable }: { account: string; editable: boolean }) {
  const { t } = useI18n();
  const [mapping, setMapping] = useState<Mapping>();
  const [saved, setSaved] = useState(false);
  const { error, setError, notice, setNotice, run } = useAction();
  useEffect(() => {
    api.GET('/statements/csv-mappings/{account}', { params: { path: { account } } }).then(
      (m) => (setMapping(m), setSaved(true)),
      // none saved yet: a blank layout to fill in
      (e) => (setMapping(BLANK), setSaved(false), !(e instanceof ApiError && e.status === 404) && setError(e)),
    );
  }, [account, setError]);
  if (!mapping) return null;
  const save = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void run(async () => {
      setMapping(await api.PUT('/statements/csv-mappings/{account}', { params: { path: { account } }, body: mapping }));
      setSaved(true);
      setNotice(t('settings.csv.saved', { account }));
    });
  };
  return (
    <Section title={t('settings.csv', { account })}>
      {!saved && <Alert type="warning" showIcon message={t('settings.csv.none')} />}
      {!editable && <p className="muted">{t('settings.csv.readOnly')}</p>}
      <form onSubmit={save} aria-label={t('settings.csv', { account })}>
        <LayoutFields mapping={mapping} set={(change) => setMapping({ ...mapping, ...change })} editable={editable} error={error} />
        <ErrorNote error={error} fields={['currency', ...COLUMNS.map((c) => `columns.${c}`)]} />
        {notice && <Alert type="success" showIcon message={notice} role="status" />}
        {editable && (
          <Button type="primary" htmlType="submit">
            {t('settings.csv.save')}
          </Button>
        )}
      </form>
    </Section>
  );
}

interface LayoutProps {
  mapping: Mapping;
  set: (change: Partial<Mapping>) => void;
  editable: boolean;
  error: unknown;
}

/** Separators, date format, header and currency: a choice each, labelled by its fieldset. */
function LayoutFields({ mapping, set, editable, error }: LayoutProps) {
  const { t, label } = useI18n();
  const choices = <T extends string>(
    legend: string,
    values: T[],
    value: T,
    onChange: (v: T) => void,
    text: (v: T) => string = (v) => v,
  ) => (
    <fieldset disabled={!editable}>
      <legend>{legend}</legend>
      <Radio.Group value={value} disabled={!editable} onChange={(e) => onChange(e.target.value)}>
        {values.map((v) => (
          <Radio key={v} value={v}>
            {text(v)}
          </Radio>
        ))}
      </Radio.Group>
    </fieldset>
  );
  return (
    <>
      {choices(
        t('settings.csv.delimiter'),
        DELIMITERS,
        mapping.delimiter,
        (delimiter) => set({ delimiter }),
        (v) => label('delimiter', v),
      )}
      {choices(t('settings.csv.decimalSeparator'), SEPARATORS, mapping.decimalSeparator, (decimalSeparator) => set({ decimalSeparator }))}
      {choices(t('settings.csv.dateFormat'), DATE_FORMATS, mapping.dateFormat, (dateFormat) => set({ dateFormat }))}
      <Checkbox checked={mapping.hasHeader} disabled={!editable} onChange={(e) => set({ hasHeader: e.target.checked })}>
        {t('settings.csv.hasHeader')}
      </Checkbox>
      <Field label={t('settings.currency')} name="currency" error={error}>
        {(p) => (
          <Input
            {...p}
            value={mapping.currency}
            disabled={!editable}
            maxLength={3}
            onChange={(e) => set({ currency: e.target.value.toUpperCase() })}
          />
        )}
      </Field>
      <ColumnNumbers mapping={mapping} set={set} editable={editable} error={error} />
    </>
  );
}

/** Which column holds what, counted from 1; an empty field maps nothing. */
function ColumnNumbers({ mapping, set, editable, error }: LayoutProps) {
  const { t } = useI18n();
  const setColumn = (column: keyof Columns, value: number | null) => {
    const columns: Partial<Columns> = { ...mapping.columns };
    if (value === null) delete columns[column];
    else columns[column] = value;
    set({ columns: columns as Columns });
  };
  return (
    <fieldset disabled={!editable}>
      <legend>{t('settings.csv.columns')}</legend>
      <div className="inline-form">
        {COLUMNS.map((column) => (
          <Field key={column} label={t(`column.${column}`)} name={`columns.${column}`} error={error}>
            {(p) => (
              <InputNumber
                {...p}
                min={1}
                max={100}
                precision={0}
                value={mapping.columns[column] ?? null}
                onChange={(v) => setColumn(column, v)}
              />
            )}
          </Field>
        ))}
      </div>
    </fieldset>
  );
}

type RuleRequest = ApprovalRequest & { payload: StatementRule; subject: string };

/** The account's rules in force, those awaiting a second person (decided here), and a new one proposed. */
function ChargeRules({ account, me }: { account: string; me: Me }) {
  const { t } = useI18n();
  const [tick, setTick] = useState(0);
  const rules = useLoad(() => api.GET('/reconciliation/accounts/{account}/rules', { params: { path: { account } } }), [account, tick]);
  const { error, notice, setNotice, run } = useAction();
  const columns = useRuleColumns();
  const changed = () => setTick((n) => n + 1);
  return (
    <Section title={t('settings.rules', { account })}>
      <ErrorNote error={error ?? rules.error} />
      {notice && <Alert type="success" showIcon message={notice} role="status" />}
      <Table<StatementRule>
        aria-label={t('settings.rules', { account })}
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rules.data ?? []}
        locale={{ emptyText: t('settings.rules.none') }}
        columns={columns}
      />
      <PendingRules account={account} me={me} tick={tick} run={run} onDecided={changed} />
      {me.roles.includes('BACK_OFFICE') && (
        <ProposeRule account={account} error={error} run={run} onProposed={() => (setNotice(t('rule.proposed')), changed())} />
      )}
    </Section>
  );
}

/** A rule's columns, for those in force and those proposed alike. */
function useRuleColumns() {
  const { t, label } = useI18n();
  return [
    { title: t('rule.name'), render: (_: unknown, r: StatementRule) => r.name },
    { title: t('rule.code'), render: (_: unknown, r: StatementRule) => r.bankTransactionCode ?? '—' },
    { title: t('rule.text'), render: (_: unknown, r: StatementRule) => r.textContains ?? '—' },
    {
      title: t('rule.direction'),
      render: (_: unknown, r: StatementRule) => (r.direction ? label('direction', r.direction) : t('rule.any')),
    },
    { title: t('rule.ledgerAccount'), render: (_: unknown, r: StatementRule) => label('ledgerAccount', r.ledgerAccount) },
  ];
}

type Run = (action: () => Promise<unknown>) => Promise<boolean>;

/** Rules of the account awaiting a second person: who proposed them, by name; another back office person or treasury decides. */
function PendingRules({ account, me, tick, run, onDecided }: { account: string; me: Me; tick: number; run: Run; onDecided: () => void }) {
  const { t, language } = useI18n();
  const ask = useAsk();
  const columns = useRuleColumns();
  const pending = useLoad(
    () => api.GET('/approval-requests', { params: { query: { kind: RULE_KIND, status: 'PENDING', limit: 100 } } }),
    [account, tick],
  );
  // the bank's own people are its own to read: proposers by name, not address
  const people = useLoad(() => api.GET('/organisations/{id}/users', { params: { path: { id: me.organisationId } } }), [me.organisationId]);
  const nameOf = (userId: string) => people.data?.find((p) => p.id === userId)?.displayName ?? '—';
  const waiting = ((pending.data?.items ?? []) as RuleRequest[]).filter((r) => r.subject.startsWith(`${account}/`));
  const decide = (request: RuleRequest, verdict: 'approve' | 'reject') =>
    run(async () => {
      const path = { params: { path: { id: request.id } } };
      if (verdict === 'approve') await api.POST('/approval-requests/{id}/approve', { ...path, body: {} });
      else {
        const title = t('rule.reject');
        const reason = await ask({ title, input: t('rule.rejectReason'), confirm: title, danger: true });
        if (reason === null) return;
        await api.POST('/approval-requests/{id}/reject', { ...path, body: { reason } });
      }
      onDecided();
    });
  if (waiting.length === 0) return null;
  const decision = (r: RuleRequest) =>
    r.requestedBy === me.id ? (
      <span className="muted">{t('rule.own')}</span>
    ) : (
      <Space>
        <Button size="small" type="primary" onClick={() => void decide(r, 'approve')}>
          {t('rule.approve')}
        </Button>
        <Button size="small" onClick={() => void decide(r, 'reject')}>
          {t('rule.reject')}
        </Button>
      </Space>
    );
  return (
    <Table<RuleRequest>
      aria-label={t('rule.pending')}
      title={() => <h3>{t('rule.pending')}</h3>}
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={waiting}
      columns={[
        ...columns.map((c) => ({ ...c, render: (_: unknown, r: RuleRequest) => c.render(_, r.payload) })),
        { title: t('rule.by'), render: (_, r) => `${nameOf(r.requestedBy)} · ${formatDate(r.requestedAt, language, true)}` },
        { title: t('common.actions'), render: (_, r) => decision(r) },
      ]}
    />
  );
}

function ProposeRule({ account, error, run, onProposed }: { account: string; error: unknown; run: Run; onProposed: () => void }) {
  const { t, label } = useI18n();
  const [direction, setDirection] = useState<'' | 'CRDT' | 'DBIT'>('DBIT');
  const [ledgerAccount, setLedgerAccount] = useState<StatementRule['ledgerAccount']>('BANK_CHARGES');
  const propose = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const optional = (name: string) => textOf(data, name).trim() || undefined;
    const body = {
      name: textOf(data, 'name').trim(),
      bankTransactionCode: optional('bankTransactionCode'),
      textContains: optional('textContains'),
      direction: direction || undefined,
      ledgerAccount,
    };
    void run(async () => {
      await api.POST('/reconciliation/accounts/{account}/rules', { params: { path: { account } }, body });
      form.reset();
      onProposed();
    });
  };
  return (
    <form onSubmit={propose} aria-label={t('rule.propose')}>
      <h3>{t('rule.propose')}</h3>
      <div className="inline-form">
        <Field label={t('rule.name')} name="name" error={error}>
          {(p) => <Input {...p} required maxLength={140} />}
        </Field>
        <Field label={t('rule.code')} name="bankTransactionCode" error={error}>
          {(p) => <Input {...p} maxLength={35} placeholder="ACMT/MDOP/CHRG" />}
        </Field>
        <Field label={t('rule.text')} name="textContains" error={error}>
          {(p) => <Input {...p} maxLength={140} />}
        </Field>
      </div>
      <fieldset>
        <legend>{t('rule.direction')}</legend>
        <Radio.Group value={direction} onChange={(e) => setDirection(e.target.value)}>
          <Radio value="DBIT">{label('direction', 'DBIT')}</Radio>
          <Radio value="CRDT">{label('direction', 'CRDT')}</Radio>
          <Radio value="">{t('rule.any')}</Radio>
        </Radio.Group>
      </fieldset>
      <fieldset>
        <legend>{t('rule.ledgerAccount')}</legend>
        <Radio.Group value={ledgerAccount} onChange={(e) => setLedgerAccount(e.target.value)}>
          <Radio value="BANK_CHARGES">{label('ledgerAccount', 'BANK_CHARGES')}</Radio>
          <Radio value="BANK_INTEREST">{label('ledgerAccount', 'BANK_INTEREST')}</Radio>
        </Radio.Group>
      </fieldset>
      <ErrorNote error={error} fields={['name', 'bankTransactionCode', 'textContains']} />
      <Button type="primary" htmlType="submit">
        {t('rule.propose')}
      </Button>
    </form>
  );
}
