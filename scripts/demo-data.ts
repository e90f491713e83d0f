// Demo parties until identity lands: a Hami carrier and the power group it hauls coal for.
export const DEMO = {
  hamiLogistics: { id: '5b0e7f0e-6a1c-4a57-9d0e-1d1b7a0c0001', name: '哈密丝路物流有限公司 (Hami Silk Road Logistics)' },
  powerGroup: { id: '5b0e7f0e-6a1c-4a57-9d0e-1d1b7a0c0002', name: '新疆能源电力集团 (Xinjiang Energy Power Group)' },
} as const;

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

interface Created {
  id: string;
  status: string;
}

/** Registers the demo receivables through the API itself, so their workflows exist too. */
export async function seedDemo(baseUrl: string): Promise<Created[]> {
  const created: Created[] = [];
  for (const { confirm, ...receivable } of DEMO_RECEIVABLES) {
    const response = await fetch(`${baseUrl}/receivables`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...receivable, creditorId: DEMO.hamiLogistics.id, debtorId: DEMO.powerGroup.id }),
    });
    if (response.status === 409) continue; // seeded by an earlier start
    if (!response.ok) throw new Error(`seeding ${receivable.invoiceNumber}: ${response.status} ${await response.text()}`);
    let body = (await response.json()) as Created;
    if (confirm) {
      const confirmed = await fetch(`${baseUrl}/receivables/${body.id}/confirm`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ debtorId: DEMO.powerGroup.id, actor: 'payables.clerk@xjpower.example' }),
      });
      if (!confirmed.ok) throw new Error(`confirming ${receivable.invoiceNumber}: ${confirmed.status} ${await confirmed.text()}`);
      body = (await confirmed.json()) as Created;
    }
    created.push(body);
  }
  return created;
}
