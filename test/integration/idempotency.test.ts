import { createHash } from 'node:crypto';
import { PEOPLE, startApi, TestApi, TokenAgent } from '../support/api';
import { receivableBody } from '../support/receivables';
import { isolatedConfig } from '../support/stack';

describe('Idempotency-Key on POSTs that create a case', () => {
  let api: TestApi;
  let sme: TokenAgent;

  beforeAll(async () => {
    api = await startApi(await isolatedConfig('idempotency'));
    sme = await api.as(PEOPLE.applicant);
  });

  afterAll(async () => {
    await api?.close();
  });

  const rows = async (invoiceNumber: unknown) =>
    (await api.owner.query('SELECT id FROM receivables WHERE invoice_number = $1', [invoiceNumber])).length;

  it('replays the first response for the same key and body, writing once', async () => {
    const body = receivableBody(api.parties.powerGroup);
    const first = await sme.post('/receivables').set('Idempotency-Key', 'reg-001').send(body).expect(201);
    const again = await sme.post('/receivables').set('Idempotency-Key', 'reg-001').send(body).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await rows(body.invoiceNumber)).toBe(1);
  });

  it('refuses the same key with a different body with a 422', async () => {
    const body = receivableBody(api.parties.powerGroup);
    await sme.post('/receivables').set('Idempotency-Key', 'reg-002').send(body).expect(201);
    const other = await sme
      .post('/receivables')
      .set('Idempotency-Key', 'reg-002')
      .send({ ...body, amount: '1.00' })
      .expect(422);
    expect(other.body).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED', errors: [{ field: 'Idempotency-Key' }] });
    expect(await rows(body.invoiceNumber)).toBe(1);
  });

  it('lets a repeat take over a first request its dead process never finished, only once it is old', async () => {
    const body = receivableBody(api.parties.powerGroup);
    const me = (await sme.get('/auth/me').expect(200)).body;
    const hash = createHash('sha256')
      .update(`POST /receivables\n${JSON.stringify(body)}`)
      .digest('hex');
    // what a process killed in the middle of the request leaves behind
    await api.owner.query(
      `INSERT INTO idempotency_keys (scope, key, method, path, request_hash) VALUES ($1, 'reg-dead', 'POST', '/receivables', $2)`,
      [me.id, hash],
    );
    expect((await sme.post('/receivables').set('Idempotency-Key', 'reg-dead').send(body).expect(409)).body.code).toBe(
      'IDEMPOTENCY.IN_PROGRESS',
    );
    await api.owner.query(`UPDATE idempotency_keys SET created_at = now() - interval '1 hour' WHERE key = 'reg-dead'`);
    const taken = await sme.post('/receivables').set('Idempotency-Key', 'reg-dead').send(body).expect(201);
    expect((await sme.post('/receivables').set('Idempotency-Key', 'reg-dead').send(body).expect(201)).body).toEqual(taken.body);
    expect(await rows(body.invoiceNumber)).toBe(1);
  });

  it('runs one of several simultaneous requests with one key', async () => {
    const body = receivableBody(api.parties.powerGroup);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => sme.post('/receivables').set('Idempotency-Key', 'reg-003').send(body)),
    );
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    const created = answers.filter((a) => a.status === 201).map((a) => a.body.id);
    expect(new Set(created).size).toBe(1);
    expect(await rows(body.invoiceNumber)).toBe(1);
  });

  it('keeps nothing of a refused request, so a corrected retry with the same key goes through', async () => {
    const body = receivableBody(api.parties.powerGroup);
    await sme
      .post('/receivables')
      .set('Idempotency-Key', 'reg-004')
      .send({ ...body, amount: 'lots' })
      .expect(400);
    await sme.post('/receivables').set('Idempotency-Key', 'reg-004').send(body).expect(201);
  });

  it('keeps keys apart per user', async () => {
    const body = receivableBody(api.parties.powerGroup);
    await sme.post('/receivables').set('Idempotency-Key', 'shared-key').send(body).expect(201);
    const colleague = await api.as(PEOPLE.financeManager);
    const theirs = await colleague
      .post('/receivables')
      .set('Idempotency-Key', 'shared-key')
      .send(receivableBody(api.parties.powerGroup))
      .expect(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
  });

  it('refuses a malformed key', async () => {
    const bad = await sme
      .post('/receivables')
      .set('Idempotency-Key', 'x'.repeat(201))
      .send(receivableBody(api.parties.powerGroup))
      .expect(400);
    expect(bad.body.errors[0].field).toBe('Idempotency-Key');
  });
});
