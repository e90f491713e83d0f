import { PEOPLE, startApi, TestApi, TokenAgent } from '../support/api';
import { isolatedConfig } from '../support/stack';

describe('credit limits: reserve, release and utilisation, exact under concurrency', () => {
  let api: TestApi;
  let officer: TokenAgent;

  beforeAll(async () => {
    api = await startApi(await isolatedConfig('limits'));
    officer = await api.as(PEOPLE.creditOfficer);
  });

  afterAll(async () => {
    await api?.close();
  });

  const limitRow = async (subject: string) =>
    (await api.owner.query('SELECT amount, utilised FROM credit_limits WHERE subject = $1', [subject]))[0] as {
      amount: string;
      utilised: string;
    };

  it('never over-commits when 40 reservations race for one limit', async () => {
    const subject = api.parties.powerGroup;
    await officer.post('/credit-limits').send({ kind: 'CORE_ENTERPRISE', subject, amount: '1000000.00' }).expect(201);

    const attempts = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        officer
          .post('/credit-limits/reservations')
          .send({ reference: `RF-RACE-${i}`, amount: '30000.00', subjects: [{ kind: 'CORE_ENTERPRISE', subject }] }),
      ),
    );
    const won = attempts.filter((r) => r.status === 201).length;
    expect(won).toBe(33); // 33 × 30,000 = 990,000 ≤ 1,000,000 < 34 × 30,000
    for (const lost of attempts.filter((r) => r.status !== 201)) {
      expect(lost.status).toBe(422);
      expect(lost.body.code).toBe('LIMITS.EXCEEDED');
    }
    expect(await limitRow(subject)).toEqual({ amount: '1000000.00', utilised: '990000.00' });
    const [{ sum }] = await api.owner.query(
      `SELECT sum(r.amount - r.released) AS sum FROM limit_reservations r JOIN credit_limits l ON l.id = r.limit_id WHERE l.subject = $1`,
      [subject],
    );
    expect(sum).toBe('990000.00');
  });

  it('reserves on every listed limit or on none', async () => {
    const sme = api.parties.hami;
    const debtor = `debtor-${Date.now()}`;
    await officer.post('/credit-limits').send({ kind: 'SME', subject: sme, amount: '500000.00' }).expect(201);
    await officer.post('/credit-limits').send({ kind: 'DEBTOR_CONCENTRATION', subject: debtor, amount: '100000.00' }).expect(201);
    const subjects = [
      { kind: 'SME', subject: sme },
      { kind: 'DEBTOR_CONCENTRATION', subject: debtor },
    ];

    const refused = await officer
      .post('/credit-limits/reservations')
      .send({ reference: 'RF-BOTH-1', amount: '150000.00', subjects })
      .expect(422);
    expect(refused.body.code).toBe('LIMITS.EXCEEDED');
    expect((await limitRow(sme)).utilised).toBe('0.00'); // the SME limit had room, but nothing moved

    await officer.post('/credit-limits/reservations').send({ reference: 'RF-BOTH-2', amount: '80000.00', subjects }).expect(201);
    // idempotent by reference: a retried saga step reserves nothing more
    await officer.post('/credit-limits/reservations').send({ reference: 'RF-BOTH-2', amount: '80000.00', subjects }).expect(201);
    expect((await limitRow(sme)).utilised).toBe('80000.00');
    expect((await limitRow(debtor)).utilised).toBe('80000.00');
    const mismatch = await officer
      .post('/credit-limits/reservations')
      .send({ reference: 'RF-BOTH-2', amount: '1.00', subjects })
      .expect(409);
    expect(mismatch.body.code).toBe('LIMITS.RESERVATION_MISMATCH');

    // a repayment releases part; closure releases the rest; no more than reserved
    await officer.post('/credit-limits/reservations/RF-BOTH-2/release').send({ amount: '30000.00' }).expect(200);
    expect((await limitRow(debtor)).utilised).toBe('50000.00');
    const over = await officer.post('/credit-limits/reservations/RF-BOTH-2/release').send({ amount: '50000.01' }).expect(422);
    expect(over.body.code).toBe('LIMITS.RELEASE_EXCEEDS_RESERVED');
    await officer.post('/credit-limits/reservations/RF-BOTH-2/release').send({}).expect(200);
    expect(await limitRow(debtor)).toEqual({ amount: '100000.00', utilised: '0.00' });
  });

  it('refuses a financing against a subject without a limit, and a limit below its use', async () => {
    const none = await officer
      .post('/credit-limits/reservations')
      .send({ reference: 'RF-N', amount: '1.00', subjects: [{ kind: 'SME', subject: 'nobody' }] })
      .expect(422);
    expect(none.body).toMatchObject({ code: 'LIMITS.NO_LIMIT', errors: [{ field: 'subjects' }] });

    await officer.post('/credit-limits').send({ kind: 'COMMODITY_CONCENTRATION', subject: 'COAL', amount: '100.00' }).expect(201);
    await officer
      .post('/credit-limits/reservations')
      .send({ reference: 'RF-C', amount: '60.00', subjects: [{ kind: 'COMMODITY_CONCENTRATION', subject: 'COAL' }] })
      .expect(201);
    const below = await officer
      .post('/credit-limits')
      .send({ kind: 'COMMODITY_CONCENTRATION', subject: 'COAL', amount: '59.99' })
      .expect(422);
    expect(below.body.code).toBe('LIMITS.BELOW_UTILISATION');
  });

  it('shows a bank its own limits with what is available, and nobody else’s', async () => {
    const mine = await officer.get('/credit-limits?limit=100').expect(200);
    const coal = mine.body.items.find((l: { subject: string }) => l.subject === 'COAL');
    expect(coal).toMatchObject({ amount: '100.00', utilised: '60.00', available: '40.00', currency: 'CNY' });
    await (await api.as(PEOPLE.applicant)).get('/credit-limits').expect(403);
  });

  it.each([
    ['an amount as a number', { amount: 100 }, 'amount'],
    ['a negative amount', { amount: '-5.00' }, 'amount'],
    ['an unknown kind', { kind: 'COUNTRY' }, 'kind'],
    ['an unknown field', { currency: 'USD' }, 'currency'],
  ])('refuses %s naming the field, writing nothing', async (_, change, field) => {
    const before = (await api.owner.query('SELECT count(*) AS n FROM credit_limits'))[0].n;
    const response = await officer
      .post('/credit-limits')
      .send({ kind: 'SME', subject: 'x', amount: '1.00', ...change })
      .expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect((await api.owner.query('SELECT count(*) AS n FROM credit_limits'))[0].n).toBe(before);
  });
});
