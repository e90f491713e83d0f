import { ApiClient } from './api-client';
import { seedDemoContract } from './demo-contract';

// The demo world of PRODUCT.md: a Hami carrier, the power group it hauls coal for, a bonded
// yard, and a bank with a credit officer and two approvers of different authority.

export const DEMO_PASSWORD = 'caravan-demo-2026';
export const DEMO_ADMIN = { email: 'admin@caravan.example', password: 'caravan-admin-2026' };

interface DemoUser {
  email: string;
  displayName: string;
  roles: string[];
  approvalAuthority?: string;
}

interface DemoOrganisation {
  kind: string;
  name: string;
  creditCode: string;
  users: DemoUser[];
}

export const DEMO_ORGANISATIONS = {
  hami: {
    kind: 'SME',
    name: '哈密丝路物流有限公司 (Hami Silk Road Logistics)',
    creditCode: '91650502MA78XK3L2Q',
    users: [
      { email: 'applicant@hami-logistics.example', displayName: '王芳 Wang Fang', roles: ['APPLICANT'] },
      { email: 'finance@hami-logistics.example', displayName: '李强 Li Qiang', roles: ['FINANCE_MANAGER'] },
    ],
  },
  powerGroup: {
    kind: 'CORE_ENTERPRISE',
    name: '新疆能源电力集团 (Xinjiang Energy Power Group)',
    creditCode: '91650000228601234X',
    users: [
      { email: 'payables@xjpower.example', displayName: '张敏 Zhang Min', roles: ['PAYABLES_CLERK'] },
      { email: 'treasurer@xjpower.example', displayName: '赵磊 Zhao Lei', roles: ['TREASURER'] },
    ],
  },
  yard: {
    kind: 'CUSTODIAN',
    name: '哈密综合保税监管仓 (Hami Bonded Yard)',
    creditCode: '91650502MA79BY0001',
    users: [{ email: 'officer@hami-yard.example', displayName: '刘洋 Liu Yang', roles: ['CUSTODIAN_OFFICER'] }],
  },
  bank: {
    kind: 'BANK',
    name: '丝路商业银行哈密分行 (Silk Road Commercial Bank, Hami)',
    creditCode: '91650500MA77BANK01',
    users: [
      { email: 'credit@silkroad-bank.example', displayName: '陈静 Chen Jing', roles: ['CREDIT_OFFICER'] },
      { email: 'approver.a@silkroad-bank.example', displayName: '周涛 Zhou Tao', roles: ['APPROVER'], approvalAuthority: '5000000.00' },
      { email: 'approver.b@silkroad-bank.example', displayName: '吴刚 Wu Gang', roles: ['APPROVER'], approvalAuthority: '50000000.00' },
      { email: 'treasury@silkroad-bank.example', displayName: '孙丽 Sun Li', roles: ['TREASURY'] },
      { email: 'backoffice@silkroad-bank.example', displayName: '郑伟 Zheng Wei', roles: ['BACK_OFFICE'] },
      // a senior officer who may both recommend and approve, but never approve their own recommendation
      {
        email: 'senior.credit@silkroad-bank.example',
        displayName: '韩梅 Han Mei',
        roles: ['CREDIT_OFFICER', 'APPROVER'],
        approvalAuthority: '5000000.00',
      },
    ],
  },
} satisfies Record<string, DemoOrganisation>;

export const DEMO_AUDITOR: DemoUser = { email: 'auditor@caravan.example', displayName: 'Platform auditor', roles: ['AUDITOR'] };

export type DemoParties = Record<keyof typeof DEMO_ORGANISATIONS, string> & { operator: string };

/** Onboards the demo organisations and people through the API, as an operator would; idempotent. */
export async function seedParties(api: ApiClient): Promise<DemoParties> {
  const admin = await api.login(DEMO_ADMIN.email, DEMO_ADMIN.password);
  const existing = await admin.call<{ items: Array<{ id: string; kind: string; creditCode: string }> }>('GET', '/organisations?limit=100');
  const idOf = (creditCode: string) => existing.items.find((o) => o.creditCode === creditCode)?.id;

  const parties: Partial<DemoParties> = { operator: existing.items.find((o) => o.kind === 'OPERATOR')!.id };
  for (const [key, { users, ...organisation }] of Object.entries(DEMO_ORGANISATIONS)) {
    const id = idOf(organisation.creditCode) ?? (await admin.call<{ id: string }>('POST', '/organisations', organisation)).id;
    // people added to the demo since an earlier start join their organisation now
    for (const user of users) {
      const added = await admin.request('POST', `/organisations/${id}/users`, { ...user, password: DEMO_PASSWORD });
      if (added.status !== 201 && added.status !== 409) throw new Error(`adding ${user.email}: ${JSON.stringify(added.body)}`);
    }
    parties[key as keyof typeof DEMO_ORGANISATIONS] = id;
  }
  const auditor = await admin.request('POST', `/organisations/${parties.operator}/users`, { ...DEMO_AUDITOR, password: DEMO_PASSWORD });
  if (auditor.status !== 201 && auditor.status !== 409) throw new Error(`adding the auditor: ${JSON.stringify(auditor.body)}`);
  return parties as DemoParties;
}

export const DEMO_COLLECTION_ACCOUNT = 'COLLECTION-1';
/** The holder's name payers write on their transfer (户名). */
export const DEMO_COLLECTION_ACCOUNT_NAME = '丝路商业银行哈密分行贷款归集户';
/** The demo bank's CSV export: `date;amount;end-to-end reference;payer;text`, credits positive. */
export const DEMO_CSV_MAPPING = {
  delimiter: ';',
  hasHeader: true,
  decimalSeparator: '.',
  dateFormat: 'YYYY-MM-DD',
  currency: 'CNY',
  columns: { bookingDate: 1, amount: 2, endToEndId: 3, counterpartyName: 4, remittance: 5 },
};

export const DEMO_RECEIVABLES = [
  {
    invoiceNumber: 'HM-2026-001234',
    waybillRefs: ['WB-HAMI-2026-0778', 'WB-HAMI-2026-0779'],
    issueDate: '2026-11-02',
    dueDate: '2027-01-31',
    amount: '1250000.00',
    confirm: true,
  },
  {
    invoiceNumber: 'HM-2026-001301',
    waybillRefs: ['WB-HAMI-2026-0812'],
    issueDate: '2026-11-18',
    dueDate: '2027-02-16',
    amount: '486320.50',
    confirm: false,
  },
];

/** Parties; coal with its price and a receipt in the yard; the bank's limits; receivables. */
export async function seedDemo(baseUrl: string): Promise<{ parties: DemoParties; seeded: number }> {
  const api = new ApiClient(baseUrl);
  const parties = await seedParties(api);

  const admin = await api.login(DEMO_ADMIN.email, DEMO_ADMIN.password);
  await admin.call('PUT', '/commodities/COAL-5500', { name: '动力煤 5500 (thermal coal, 5500 kcal/kg)', unit: 't', haircut: '0.15' });
  await admin.call('POST', '/commodities/COAL-5500/prices', { date: '2026-11-20', price: '790.00', source: 'Hami pithead index' });
  await admin.call('POST', '/commodities/COAL-5500/prices', { date: '2026-11-25', price: '812.35', source: 'Hami pithead index' });
  const custodian = await api.login(DEMO_ORGANISATIONS.yard.users[0].email, DEMO_PASSWORD);
  const receipt = await custodian.request('POST', '/warehouse-receipts', {
    receiptNumber: 'HBY-2026-000731',
    holderId: parties.hami,
    commodityCode: 'COAL-5500',
    grade: 'Q5500, ash ≤ 15%',
    quantity: '12000.000',
    location: '哈密综合保税区 7 号堆场 (Hami bonded yard, bay 7)',
  });
  if (receipt.status !== 201 && receipt.status !== 409) throw new Error(`seeding the receipt: ${JSON.stringify(receipt.body)}`);
  const officer = await api.login(DEMO_ORGANISATIONS.bank.users[0].email, DEMO_PASSWORD);
  for (const limit of [
    { kind: 'CORE_ENTERPRISE', subject: parties.powerGroup, amount: '200000000.00' },
    { kind: 'SME', subject: parties.hami, amount: '20000000.00' },
    { kind: 'COMMODITY_CONCENTRATION', subject: 'COAL-5500', amount: '50000000.00' },
  ]) {
    await officer.call('POST', '/credit-limits', limit);
  }

  // the bank's collection account: its CSV export's layout, and the ledger account it reconciles against
  const backOffice = await api.login(DEMO_ORGANISATIONS.bank.users[4].email, DEMO_PASSWORD);
  await backOffice.call('PUT', `/statements/csv-mappings/${DEMO_COLLECTION_ACCOUNT}`, DEMO_CSV_MAPPING);
  await backOffice.call('PUT', `/reconciliation/accounts/${DEMO_COLLECTION_ACCOUNT}`, {
    ledgerAccount: 'COLLECTION_ACCOUNT',
    currency: 'CNY',
    name: DEMO_COLLECTION_ACCOUNT_NAME,
  });

  // the bank's financing contract, which SMEs read and accept with an offer
  if ((await seedDemoContract(officer, await api.login(DEMO_ORGANISATIONS.bank.users[2].email, DEMO_PASSWORD))) === 'AWAITING_APPROVER') {
    console.log('[caravan] the demo financing contract awaits an approver’s adoption (approvers sign in with a one-time code)');
  }

  const sme = await api.login(DEMO_ORGANISATIONS.hami.users[0].email, DEMO_PASSWORD);
  const debtor = await api.login(DEMO_ORGANISATIONS.powerGroup.users[0].email, DEMO_PASSWORD);
  let seeded = 0;
  for (const { confirm, ...receivable } of DEMO_RECEIVABLES) {
    const created = await sme.request('POST', '/receivables', { ...receivable, debtorId: parties.powerGroup });
    if (created.status === 409) continue; // seeded by an earlier start
    if (created.status !== 201) throw new Error(`seeding ${receivable.invoiceNumber}: ${JSON.stringify(created.body)}`);
    await sme.call('POST', `/receivables/${created.body.id}/submit`);
    if (confirm) await debtor.call('POST', `/receivables/${created.body.id}/confirm`, {});
    seeded += 1;
  }
  return { parties, seeded };
}
