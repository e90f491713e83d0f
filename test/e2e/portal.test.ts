import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { en, zh } from '../../apps/portal/src/messages';
import type { Instalment } from '../../apps/portal/src/api-answers';
import { formatDate, formatMoney, formatPercent } from '../../apps/portal/src/format';
import {
  DEMO_ADMIN,
  DEMO_COLLECTION_ACCOUNT,
  DEMO_COLLECTION_ACCOUNT_NAME,
  DEMO_CSV_MAPPING,
  DEMO_ORGANISATIONS,
  DEMO_PASSWORD,
  seedDemo,
} from '../../scripts/demo-data';
import { startApi, TestApi } from '../support/api';
import { applyFor } from '../support/financing';
import { receivableBody } from '../support/receivables';
import { launchBrowser } from '../support/browser';
import { eventually, isolatedConfig } from '../support/stack';
import { startWorkerProcess, WorkerProcess } from '../support/worker-process';
import { generateSync } from 'otplib';
import ExcelJS from 'exceljs';

/**
 * The demo journey through the portal only, in headless Chromium, once in Chinese (the
 * default) and once in English: the SME registers a receivable with its invoice scan, the
 * buyer confirms it, the SME applies after the trial calculation, the buyer acknowledges the
 * assignment, a senior officer recommends and is shown why their own approval cannot count,
 * two approvers approve, the SME accepts, the disbursement shows up, the back office uploads
 * the bank's statement and reconciles, and the financing closes. Each role's home page is
 * saved as docs/screenshots/<page>.<language>.png, the pictures the README shows.
 */
// the README shows them: each run refreshes the committed pictures
const SHOTS = resolve(__dirname, '../../docs/screenshots');
const bank = DEMO_ORGANISATIONS.bank.users;
const PEOPLE = {
  sme: DEMO_ORGANISATIONS.hami.users[0].email,
  buyer: DEMO_ORGANISATIONS.powerGroup.users[0].email,
  custodian: DEMO_ORGANISATIONS.yard.users[0].email,
  senior: bank[5].email,
  approverA: bank[1].email,
  approverB: bank[2].email,
  backOffice: bank[4].email,
  treasury: bank[3].email,
};

/** A camt.053 whose only entry (opening on line 9) has an amount but no CdtDbtInd. */
const BROKEN_CAMT = Buffer.from(
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>',
    '<GrpHdr><MsgId>BROKEN-1</MsgId><CreDtTm>2026-11-30T18:00:00</CreDtTm></GrpHdr>',
    '<Stmt><Id>BROKEN-1</Id><CreDtTm>2026-11-30T18:00:00</CreDtTm>',
    '<Acct><Id><Othr><Id>COLLECTION-1</Id></Othr></Id><Ccy>CNY</Ccy></Acct>',
    '<Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-30</Dt></Dt></Bal>',
    '<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="CNY">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-11-30</Dt></Dt></Bal>',
    '',
    '<Ntry><Amt Ccy="CNY">10.00</Amt><Sts>BOOK</Sts><BookgDt><Dt>2026-11-30</Dt></BookgDt><ValDt><Dt>2026-11-30</Dt></ValDt></Ntry>',
    '</Stmt></BkToCstmrStmt></Document>',
  ].join('\n'),
);

/** Authenticator apps enrolled during the run, across both languages: a code is taken once. */
const seeds = new Map<string, { secret: string; lastStep: number }>();
const step = () => Math.floor(Date.now() / 30_000);

/** A message with its {placeholders} as a pattern: what the page shows, whatever the numbers. */
const filled = (template: string) => new RegExp(template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '.+'));

describe('the portal in a real browser: the demo journey', () => {
  let api: TestApi;
  let worker: WorkerProcess;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    // treasury signs in with a one-time code: its first sign-in enrols an authenticator app
    const config = Object.assign(await isolatedConfig('portal'), { AUTH_SECOND_FACTOR_ROLES: 'TREASURY' });
    api = await startApi(config);
    worker = await startWorkerProcess(config, api.temporal);
    baseUrl = await api.app.getUrl();
    await seedDemo(baseUrl);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    await api?.close();
  });

  describe.each([
    ['zh-CN', zh, 'E2E-ZH-0001'],
    ['en', en, 'E2E-EN-0001'],
  ] as const)('in %s', (language, m, invoice) => {
    const contexts: BrowserContext[] = [];
    /** What the content security policy refused, on any page of this language's journey: nothing, or the page is broken. */
    const refusedByPolicy: string[] = [];
    /** The browser's own prompt, confirm and alert boxes: none, the portal asks in its own dialog. */
    const browserBoxes: string[] = [];
    const watch = (page: Page) => {
      page.on('console', (message) => /Content Security Policy/.test(message.text()) && refusedByPolicy.push(message.text()));
      page.on('dialog', (box) => (browserBoxes.push(`${box.type()}: ${box.message()}`), void box.dismiss()));
    };
    afterAll(async () => {
      await Promise.all(contexts.map((c) => c.close()));
      expect(refusedByPolicy).toEqual([]);
      expect(browserBoxes).toEqual([]);
    });

    /** A browser of its own at the login page, in this language. */
    async function loginPage(): Promise<Page> {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: language === 'en' ? 'en-US' : 'zh-CN' });
      contexts.push(context);
      const page = await context.newPage();
      watch(page);
      page.setDefaultTimeout(30_000);
      await page.goto(`${baseUrl}/portal/`);
      if (language === 'en') await page.getByRole('button', { name: zh['language.switch'] }).click();
      return page;
    }

    /** A signed-in person in a browser of their own, the language chosen on the login page. */
    async function signIn(email: string): Promise<Page> {
      const page = await loginPage();
      await page.getByLabel(m['login.email']).fill(email);
      await page.getByLabel(m['login.password']).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: m['login.submit'] }).click();
      await page.getByRole('button', { name: m['nav.logout'] }).waitFor();
      return page;
    }

    /**
     * A sign-in with a one-time code. The first time (treasury's first sign-in) enrols an
     * authenticator app, its seed read off the page as an app would scan it.
     */
    async function signInWithSecondFactor(email: string): Promise<Page> {
      let page: Page;
      if (!seeds.has(email)) {
        page = await signIn(email);
        await page.getByRole('heading', { name: m['secondFactor.title'], level: 1 }).waitFor();
        await page.getByRole('button', { name: m['secondFactor.start'] }).click();
        await page.getByRole('img', { name: m['secondFactor.qr'] }).waitFor();
        const secret = (await page.getByTestId('second-factor-secret').textContent())!;
        const first = step();
        await page.getByLabel(m['secondFactor.code']).fill(generateSync({ secret, epoch: first * 30 }));
        await page.getByRole('button', { name: m['secondFactor.confirm'] }).click();
        await page.getByRole('status').filter({ hasText: m['secondFactor.done'] }).waitFor();
        seeds.set(email, { secret, lastStep: first });
        await page.getByRole('button', { name: m['secondFactor.again'] }).click();
      } else {
        page = await loginPage();
      }
      await page.getByLabel(m['login.email']).fill(email);
      await page.getByLabel(m['login.password']).fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: m['login.submit'] }).click();
      // the password was right: now a code not used yet (a code is taken once)
      const seed = seeds.get(email)!;
      while (step() + 1 <= seed.lastStep) await new Promise((r) => setTimeout(r, 1000));
      seed.lastStep = step() + 1;
      await page.getByLabel(m['login.otp']).fill(generateSync({ secret: seed.secret, epoch: seed.lastStep * 30 }));
      await page.getByRole('button', { name: m['login.submit'] }).click();
      await page.getByRole('button', { name: m['nav.logout'] }).waitFor();
      return page;
    }

    const shoot = async (page: Page, name: string) => {
      await mkdir(SHOTS, { recursive: true });
      await page.screenshot({ path: resolve(SHOTS, `${name}.${language}.png`), fullPage: true });
    };
    const open = async (page: Page, ref: string) => {
      await page.getByRole('navigation').getByRole('link', { name: m['nav.home'] }).click();
      await page.getByRole('link', { name: ref }).first().click();
      await page.getByRole('heading', { name: `${m['financing.title']} ${ref}` }).waitFor();
    };
    const stage = (page: Page, code: keyof typeof m) => page.getByTestId('stage').filter({ hasText: m[code] }).waitFor({ timeout: 60_000 });

    let ref = '';
    let paymentReference = '';
    let sme: Page;
    let buyer: Page;

    it('the SME registers a receivable with its document and submits it; the buyer confirms it in bulk', async () => {
      sme = await signIn(PEOPLE.sme);
      await sme.getByRole('heading', { name: m['sme.title'] }).waitFor();
      expect(await sme.title()).toContain(m['sme.title']);
      const form = sme.getByRole('form', { name: m['receivables.register'] });
      await form.getByLabel(m['receivables.debtor']).selectOption({ label: DEMO_ORGANISATIONS.powerGroup.name });
      await form.getByLabel(m['receivables.invoice']).fill(invoice);
      await form.getByLabel(m['receivables.issued']).fill('2026-11-20');
      await form.getByLabel(m['receivables.due']).fill('2027-02-28');
      // an amount the API refuses shows its complaint beside the field, in the reader's language
      await form.getByLabel(m['receivables.amount']).fill('12,5');
      await form.getByRole('button', { name: m['receivables.registerButton'] }).click();
      await expect(form.locator('[data-field="amount"]').textContent()).resolves.toBe(m['field.amount']);
      await form.getByLabel(m['receivables.amount']).fill('2000000.00');
      await form
        .getByLabel(m['receivables.document'])
        .setInputFiles({ name: `${invoice}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 invoice scan') });
      await form.getByRole('button', { name: m['receivables.registerButton'] }).click();
      await sme.getByRole('status').filter({ hasText: invoice }).waitFor();
      await sme.getByRole('button', { name: m['receivables.submitFor'].replace('{invoice}', invoice) }).click();
      await sme
        .locator('tr', { has: sme.locator(`[data-invoice="${invoice}"]`) })
        .getByText(m['receivable.SUBMITTED'])
        .waitFor();
      // the same invoice again: the API's refusal, by its code, beside the invoice number (not the number's format hint)
      await form.getByLabel(m['receivables.debtor']).selectOption({ label: DEMO_ORGANISATIONS.powerGroup.name });
      await form.getByLabel(m['receivables.invoice']).fill(invoice);
      await form.getByLabel(m['receivables.issued']).fill('2026-11-20');
      await form.getByLabel(m['receivables.due']).fill('2027-02-28');
      await form.getByLabel(m['receivables.amount']).fill('300000.00');
      await form.getByRole('button', { name: m['receivables.registerButton'] }).click();
      const duplicate = (await form.locator('[data-field="invoiceNumber"]').textContent())!;
      expect(duplicate).toContain(m['error.RECEIVABLE.DUPLICATE_INVOICE']);
      expect(duplicate).not.toContain(m['field.invoiceNumber']);
      expect(await form.getByRole('status').count()).toBe(0); // the last success line went with the new attempt
      // a second one, for the buyer to dispute; a refusal on the way takes the last success line away
      const disputed = `${invoice}-D`;
      await form.getByLabel(m['receivables.debtor']).selectOption({ label: DEMO_ORGANISATIONS.powerGroup.name });
      await form.getByLabel(m['receivables.invoice']).fill(disputed);
      await form.getByLabel(m['receivables.issued']).fill('2026-11-20');
      await form.getByLabel(m['receivables.due']).fill('2027-02-28');
      await form.getByLabel(m['receivables.amount']).fill('12,5');
      await form.getByRole('button', { name: m['receivables.registerButton'] }).click();
      await form.locator('[data-field="amount"]').waitFor();
      expect(await form.getByRole('status').count()).toBe(0);
      await form.getByLabel(m['receivables.amount']).fill('300000.00');
      await form.getByRole('button', { name: m['receivables.registerButton'] }).click();
      await sme.getByRole('status').filter({ hasText: disputed }).waitFor();
      await sme.getByRole('button', { name: m['receivables.submitFor'].replace('{invoice}', disputed) }).click();
      await sme
        .locator('tr', { has: sme.locator(`[data-invoice="${disputed}"]`) })
        .getByText(m['receivable.SUBMITTED'])
        .waitFor();
      await shoot(sme, 'sme');

      buyer = await signIn(PEOPLE.buyer);
      await buyer.getByRole('heading', { name: m['buyer.title'] }).waitFor();
      // the buyer sees the invoice scan before confirming, and can open it
      const scan = buyer
        .locator(`tr[data-invoice="${invoice}"]`)
        .getByRole('button', { name: m['documents.download'].replace('{name}', `${invoice}.pdf`) });
      const [file] = await Promise.all([buyer.waitForEvent('download'), scan.click()]);
      expect(file.suggestedFilename()).toBe(`${invoice}.pdf`);
      const pick = (item: string) => buyer.getByRole('checkbox', { name: m['common.select'].replace('{item}', item), exact: true });
      const summary = (count: number, total: string) => m['common.bulkSummary'].replace('{count}', String(count)).replace('{total}', total);
      // a bulk confirmation first shows the count and the total in a dialog; Escape cancels it and nothing is confirmed
      await pick(invoice).check();
      await pick(disputed).check();
      const confirmTwo = m['buyer.confirm'].replace('{count}', '2');
      await buyer.getByRole('button', { name: confirmTwo }).click();
      const asked = buyer.getByRole('dialog', { name: confirmTwo });
      expect(await asked.getByText(summary(2, '¥2,300,000.00')).count()).toBe(1);
      await shoot(buyer, 'buyer-bulk-confirmation');
      await buyer.keyboard.press('Escape');
      await asked.waitFor({ state: 'detached' });
      expect(await buyer.evaluate('document.activeElement?.textContent')).toBe(confirmTwo); // the focus is back on the button
      expect(await buyer.locator('tr[data-invoice]').count()).toBeGreaterThanOrEqual(2);
      // the dispute's reason is typed in the dialog and reaches the API (the audit trail keeps it)
      await pick(invoice).uncheck();
      const disputeOne = m['buyer.dispute'].replace('{count}', '1');
      await buyer.getByRole('button', { name: disputeOne }).click();
      const why = buyer.getByRole('dialog', { name: disputeOne });
      expect(await why.getByText(summary(1, '¥300,000.00')).count()).toBe(1);
      const reason = `${language}: goods not delivered`;
      await why.getByLabel(m['buyer.disputeReason']).fill(reason);
      await why.getByRole('button', { name: disputeOne }).click();
      await sme
        .locator('tr', { has: sme.locator(`[data-invoice="${disputed}"]`) })
        .getByText(m['receivable.DISPUTED'])
        .waitFor();
      const recorded = await api.owner.query(`SELECT after->>'reason' AS reason FROM audit_events WHERE action = 'receivable.dispute'`);
      expect(recorded.map((r: { reason: string }) => r.reason)).toContain(reason);
      await shoot(buyer, 'buyer');
      await pick(invoice).check();
      const confirmOne = m['buyer.confirm'].replace('{count}', '1');
      await buyer.getByRole('button', { name: confirmOne }).click();
      const sure = buyer.getByRole('dialog', { name: confirmOne });
      expect(await sure.getByText(summary(1, '¥2,000,000.00')).count()).toBe(1);
      await sure.getByRole('button', { name: confirmOne }).click();
      await sme
        .locator('tr', { has: sme.locator(`[data-invoice="${invoice}"]`) })
        .getByText(m['receivable.CONFIRMED'])
        .waitFor();
    });

    it('the SME sorts its receivables by amount, filters the confirmed and exports them to Excel, headed in the reader’s language', async () => {
      const desk = await signIn(PEOPLE.sme);
      const list = desk.locator('section.list', { has: desk.getByRole('table', { name: m['receivables.title'] }) });
      await list.getByRole('columnheader', { name: m['receivables.amount'] }).click();
      await list.locator('th', { hasText: m['common.status'] }).locator('.ant-table-filter-trigger').click();
      await desk.getByRole('menuitem', { name: m['receivable.CONFIRMED'], exact: true }).click();
      await desk.locator('.ant-table-filter-dropdown-btns .ant-btn-primary').click();
      const smeApi = await api.as(PEOPLE.sme);
      const confirmed = (
        await smeApi.get('/receivables').query({ status: 'CONFIRMED', sort: 'amount', order: 'asc', limit: 100 }).expect(200)
      ).body.items as Array<{ invoiceNumber: string; amount: string; dueDate: string }>;
      expect(confirmed.length).toBeGreaterThan(0);
      const shown = () => list.locator('tbody [data-invoice]').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-invoice')));
      await eventually(
        async () =>
          JSON.stringify(await shown()) === JSON.stringify(confirmed.slice(0, 20).map((r) => r.invoiceNumber)) ? true : undefined,
        'the confirmed receivables by amount',
      );
      const [exported] = await Promise.all([desk.waitForEvent('download'), list.getByRole('button', { name: m['table.export'] }).click()]);
      expect(exported.suggestedFilename()).toBe(`${m['receivables.title']}.xlsx`);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile((await exported.path())!);
      const sheet = book.worksheets[0];
      const rowValues = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
      expect(rowValues(1)).toEqual([
        m['receivables.invoice'],
        m['receivables.debtor'],
        m['receivables.amount'],
        m['receivables.due'],
        m['common.status'],
      ]);
      expect(sheet.rowCount).toBe(confirmed.length + 1);
      confirmed.forEach((r, i) =>
        expect(rowValues(i + 2)).toEqual([
          r.invoiceNumber,
          DEMO_ORGANISATIONS.powerGroup.name,
          r.amount,
          r.dueDate,
          m['receivable.CONFIRMED'],
        ]),
      );
    });

    it('the SME sees the trial calculation, applies, and the buyer acknowledges the assignment', async () => {
      await sme.getByRole('navigation').getByRole('link', { name: m['nav.apply'] }).click();
      await sme.getByLabel(m['apply.receivable']).selectOption({ label: `${invoice} · ¥2,000,000.00` });
      // above what the invoice can finance: the refusal says so, with the most the API allows
      await sme.getByLabel(m['apply.amount']).fill('1900000.00');
      const above = sme.locator('[data-field="amount"]').filter({ hasText: m['error.FINANCING.ABOVE_MAXIMUM'] });
      expect(await above.textContent()).toMatch(/at most \d+\.\d{2}/);
      await sme.getByLabel(m['apply.amount']).fill('1500000.00');
      await sme.getByTestId('trial-rate').filter({ hasText: '4.35%' }).waitFor();
      expect(await sme.getByTestId('trial-fee').textContent()).toBe('¥1,500.00');
      // the product's terms beside the figures: penalty after grace, how long the quote holds, the re-base rule
      expect(await sme.getByTestId('trial-penalty').textContent()).toContain('6.53%');
      await sme.getByTestId('trial-validity').waitFor();
      await sme.getByText(m['terms.rebaseText']).waitFor();
      await sme.getByRole('button', { name: m['apply.submit'] }).click();
      const heading = await sme.getByRole('heading', { name: new RegExp(`^${m['financing.title']} RF-`) }).textContent();
      ref = heading!.replace(`${m['financing.title']} `, '');
      await stage(sme, 'stage.AWAITING_COUNTERPARTY');

      await buyer.reload();
      await buyer.getByText(ref, { exact: false }).first().waitFor();
      await buyer.getByRole('checkbox', { name: new RegExp(ref) }).check();
      const acknowledge = m['buyer.acknowledge'].replace('{count}', '1');
      await buyer.getByRole('button', { name: acknowledge }).click();
      await buyer.getByRole('dialog', { name: acknowledge }).getByRole('button', { name: acknowledge }).click();
      await stage(sme, 'stage.AWAITING_RECOMMENDATION');
    });

    it('a senior officer recommends and sees why approving it too would not count; two approvers approve', async () => {
      const senior = await signIn(PEOPLE.senior);
      await senior.getByRole('heading', { name: m['bank.queue'] }).waitFor();
      await shoot(senior, 'bank-officer');
      await open(senior, ref);
      const recommendation = language === 'en' ? 'Buyer is a state grid company; exposure within appetite' : '买方为国网公司，风险可控';
      await senior.getByLabel(m['common.comment']).fill(recommendation);
      await senior.getByRole('button', { name: m['financing.recommend'] }).click();
      await stage(senior, 'stage.AWAITING_APPROVAL');
      // the denial: the page says why before the click, and the API's refusal says it again
      expect(await senior.getByTestId('approval-blocker').textContent()).toBe(m['approval.own']);
      await senior.getByRole('button', { name: m['financing.approve'] }).click();
      await senior.getByRole('alert').filter({ hasText: m['error.FINANCING.OWN_RECOMMENDATION'] }).waitFor();

      for (const email of [PEOPLE.approverA, PEOPLE.approverB]) {
        const approver = await signIn(email);
        await approver.getByRole('link', { name: ref }).first().waitFor();
        if (email === PEOPLE.approverA) await shoot(approver, 'approver-queue');
        await open(approver, ref);
        // before approving: the collateral value, the LTV and the senior officer's comment, as the API's decision view has them
        const [{ id }] = await api.owner.query('SELECT id FROM financings WHERE ref = $1', [ref]);
        const view = (await (await api.as(email)).get(`/financings/${id}/decision`).expect(200)).body;
        expect(view.recommendation.comment).toBe(recommendation);
        await approver.getByTestId('decision-recommendation-comment').filter({ hasText: recommendation }).waitFor();
        expect(await approver.getByTestId('decision-collateral-value').textContent()).toBe(formatMoney(view.collateral.value));
        expect(await approver.getByTestId('decision-ltv').textContent()).toBe(formatPercent(view.collateral.ltv, 2));
        expect(view.collateral.ltv).toBe('0.7500'); // ¥1,500,000 on a ¥2,000,000 invoice
        if (email === PEOPLE.approverA) await shoot(approver, 'approver');
        await approver.getByRole('button', { name: m['financing.approve'] }).click();
        await approver.getByRole('status').waitFor();
      }
      await stage(sme, 'stage.AWAITING_ACCEPTANCE');
    });

    it('the SME reads every cost and the contract, agrees, confirms the amounts, and sees the disbursement and the schedule', async () => {
      // every cost of the offer, and how the total payable adds up, as the API offers it
      const id = new URL(sme.url()).hash.replace('#/financings/', '');
      const { offer } = (await (await api.as(PEOPLE.sme)).get(`/financings/${id}`).expect(200)).body;
      const equation = m['offer.equation']
        .replace('{payable}', formatMoney(offer.schedule.totalPayable))
        .replace('{principal}', formatMoney(offer.schedule.totalPrincipal))
        .replace('{interest}', formatMoney(offer.schedule.totalInterest))
        .replace('{fee}', formatMoney(offer.schedule.fee));
      await sme.getByTestId('offer-equation').filter({ hasText: equation }).waitFor();
      expect(await sme.getByTestId('offer-rate').textContent()).toBe('4.35%');
      expect(await sme.getByTestId('offer-fee').textContent()).toBe('¥1,500.00');
      // the bank's contract opens as a PDF; acceptance waits for the reader's agreement to it
      const accept = sme.getByRole('button', { name: m['financing.accept'] });
      expect(await accept.isDisabled()).toBe(true);
      const [contract] = await Promise.all([
        sme.waitForResponse((r) => r.url().endsWith(`/financings/${id}/contract`)),
        sme.getByRole('button', { name: m['offer.contractOpen'].replace('{version}', '1') }).click(),
      ]);
      expect(contract.headers()['content-type']).toBe('application/pdf');
      // the bytes the reader's session is given begin as a PDF does
      const head = `fetch(${JSON.stringify(contract.url())}, { headers: { authorization: 'Bearer ' + sessionStorage.getItem('caravan.token') } })
        .then((r) => r.arrayBuffer()).then((b) => String.fromCharCode(...new Uint8Array(b.slice(0, 5))))`;
      expect(await sme.evaluate(head)).toBe('%PDF-');
      await sme.getByRole('checkbox', { name: m['offer.agree'].replace('{version}', '1') }).check();
      await accept.click();
      // a last confirmation names the amount lent and the total payable
      const confirm = sme.getByRole('dialog', { name: m['offer.confirmTitle'] });
      expect(await confirm.textContent()).toContain('¥1,500,000.00');
      expect(await confirm.textContent()).toContain(formatMoney(offer.schedule.totalPayable));
      await shoot(sme, 'sme-offer');
      await confirm.getByRole('button', { name: m['financing.accept'] }).click();
      await stage(sme, 'stage.REPAYING');
      await sme.locator('li[data-step="disbursed"]').getByText(m['step.disbursed']).waitFor();
      paymentReference = (await sme.getByTestId('payment-reference').textContent())!;
      expect(paymentReference).toMatch(/^RF\d{2}[0-9A-Z]{14}$/); // not the loan number: nobody guesses it
      // where the buyer pays: the bank's collection account by name and number, and who must pay by when
      expect(await sme.getByTestId('pay-account-number').textContent()).toBe(DEMO_COLLECTION_ACCOUNT);
      expect(await sme.getByTestId('pay-account-name').textContent()).toBe(DEMO_COLLECTION_ACCOUNT_NAME);
      expect(await sme.getByTestId('pay-payer').textContent()).toBe(DEMO_ORGANISATIONS.powerGroup.name);
      expect(await sme.getByTestId('awaiting-who').textContent()).toContain(DEMO_ORGANISATIONS.powerGroup.name);
      await sme.getByRole('table', { name: m['schedule.title'] }).waitFor();
      await sme.locator('tr[data-instalment="1"] [data-status="UPCOMING"]').waitFor();
      await shoot(sme, 'sme-financing');
      // the notice to print for the payer: the same account and reference
      await sme.getByRole('link', { name: m['pay.print'] }).click();
      await sme.getByRole('heading', { name: `${m['notice.title']} ${ref}` }).waitFor();
      expect(await sme.getByTestId('payment-reference').textContent()).toBe(paymentReference);
      expect(await sme.getByTestId('pay-account-number').textContent()).toBe(DEMO_COLLECTION_ACCOUNT);
      await shoot(sme, 'payment-notice');
      await sme.getByRole('link', { name: m['notice.back'] }).click();
      await sme.getByRole('heading', { name: `${m['financing.title']} ${ref}` }).waitFor();
    });

    it('the bank’s portfolio: each ageing bucket as the API reports it, opening the loans behind it', async () => {
      const officer = await signIn(PEOPLE.senior);
      await officer.getByRole('navigation').getByRole('link', { name: m['nav.portfolio'] }).click();
      await officer.getByRole('heading', { name: m['portfolio.title'], level: 1 }).waitFor();
      const { body } = await (await api.as(PEOPLE.senior)).get('/portfolio').expect(200);
      const buckets = officer.getByRole('table', { name: m['portfolio.buckets'] });
      await buckets.locator('tfoot').getByText(formatMoney(body.total.outstanding), { exact: true }).waitFor();
      for (const b of body.buckets as Array<{ bucket: string; count: number; outstanding: string }>) {
        const name = m[`ageing.${b.bucket}` as keyof typeof m];
        const cells = await buckets
          .getByRole('row')
          .filter({ has: officer.getByRole('button', { name }) })
          .getByRole('cell')
          .allTextContents();
        expect(cells).toEqual([name, String(b.count), formatMoney(b.outstanding)]);
      }
      expect(body.buckets.find((b: { bucket: string }) => b.bucket === 'CURRENT').count).toBeGreaterThanOrEqual(1);
      await officer
        .getByRole('button', { name: filled(m['portfolio.open']) })
        .first()
        .click();
      const current = officer.getByRole('table', { name: filled(m['portfolio.loansIn']) });
      await current.getByRole('link', { name: ref }).waitFor();
      await shoot(officer, 'portfolio');
    });

    it('the back office uploads the bank’s statements and reconciles; after each allocation the portal’s schedule and the API agree', async () => {
      const backOffice = await signIn(PEOPLE.backOffice);
      await backOffice.getByRole('heading', { name: m['backOffice.title'] }).waitFor();
      await shoot(backOffice, 'back-office');
      const smeApi = await api.as(PEOPLE.sme);
      const id = new URL(sme.url()).hash.replace('#/financings/', '');
      const today = new Date().toISOString().slice(0, 10);
      // the buyer pays the invoice in two parts, each on a statement of its own
      for (const [n, [amount, status, paidPrincipal]] of [
        ['500000.00', 'PARTLY_PAID', '500000.00'],
        ['1500000.00', 'PAID', '1500000.00'],
      ].entries()) {
        const csv = [
          'date;amount;e2e;payer;text',
          `${today};${amount};${paymentReference};${DEMO_ORGANISATIONS.powerGroup.name};invoice ${invoice}`,
        ];
        const upload = backOffice.getByRole('form', { name: m['statements.upload'] });
        await upload.getByLabel(m['statements.format']).selectOption('csv');
        await upload
          .getByLabel(m['statements.file'])
          .setInputFiles({ name: `statement-${language}-${n}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv.join('\n')) });
        await upload.getByRole('button', { name: m['statements.uploadButton'] }).click();
        await backOffice
          .getByRole('status')
          .filter({ hasText: filled(m['statements.imported']) })
          .waitFor();
        expect(await upload.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
        await backOffice.getByRole('button', { name: m['runs.start'] }).click();
        await backOffice.getByTestId('run-status').filter({ hasText: m['run.DONE'] }).last().waitFor({ timeout: 60_000 });
        // the moment the allocation is on the timeline, the detail shows it: nothing else has to happen first
        await eventually(
          async () => {
            const steps = (await smeApi.get(`/financings/${id}/timeline`).expect(200)).body as Array<{ step: string }>;
            return steps.filter((e) => e.step === 'payment.allocated').length === n + 1 ? true : undefined;
          },
          `allocation ${n + 1}`,
        );
        const [instalment] = (await smeApi.get(`/financings/${id}`).expect(200)).body.instalments as Instalment[];
        expect(instalment).toMatchObject({ status, paid: { principal: paidPrincipal } });
        // and the portal's schedule says the same, amount for amount
        const row = sme.locator(`tr[data-instalment="${instalment.number}"]`);
        await row.locator(`[data-field="status"][data-status="${status}"]`).waitFor();
        expect({
          status: await row.locator('[data-field="status"]').textContent(),
          principal: await row.locator('[data-field="paid-principal"]').textContent(),
          interest: await row.locator('[data-field="paid-interest"]').textContent(),
          penalty: await row.locator('[data-field="paid-penalty"]').textContent(),
        }).toEqual({
          status: m[`instalment.${instalment.status}`],
          principal: formatMoney(instalment.paid.principal),
          interest: formatMoney(instalment.paid.interest),
          penalty: formatMoney(instalment.paid.penalty),
        });
      }
      await stage(sme, 'stage.CLOSED');
      await sme.locator('li[data-step="payment.allocated"]').first().waitFor();
      await sme.getByTestId('surplus').filter({ hasText: '¥500,000.00' }).waitFor();
      // after the fact the SME sees every payment as the API allocated it, and the surplus paid back
      await sme.getByTestId('surplus-returned').filter({ hasText: '¥500,000.00' }).waitFor();
      const { payments } = (await smeApi.get(`/financings/${id}`).expect(200)).body;
      expect(payments).toHaveLength(2);
      const made = sme.getByRole('table', { name: m['payments.caption'] });
      for (const p of payments as Array<
        Record<'reference' | 'valueDate' | 'amount' | 'penalty' | 'interest' | 'principal' | 'surplus', string>
      >) {
        expect(await made.locator(`tr[data-payment="${p.reference}"] td`).allTextContents()).toEqual([
          formatDate(p.valueDate, language),
          p.reference,
          ...[p.amount, p.penalty, p.interest, p.principal, p.surplus].map((a) => formatMoney(a)),
        ]);
      }
      await shoot(sme, 'sme-closed');
      // the reconciliation report's CSV has its headers in the reader's language (Chinese with a BOM, for Excel)
      const [report] = await Promise.all([
        backOffice.waitForEvent('download'),
        backOffice.getByRole('button', { name: m['report.csv'] }).click(),
      ]);
      const [headers] = (await readFile((await report.path())!, 'utf8')).split('\r\n');
      expect(headers).toBe(
        language === 'zh-CN'
          ? '\uFEFF账户,日期,币种,已匹配笔数,已匹配金额,未匹配笔数,未匹配金额,已核销笔数,已核销金额,银行余额,总账科目,总账余额,差额'
          : 'account,day,currency,matchedCount,matchedSum,unmatchedCount,unmatchedSum,writtenOffCount,writtenOffSum,bankBalance,ledgerAccount,ledgerBalance,difference',
      );
    });

    it('a write-off beyond the tolerance waits for a second person, who approves it in the portal', async () => {
      const backOffice = await signIn(PEOPLE.backOffice);
      const today = new Date().toISOString().slice(0, 10);
      const stray = `stray debit ${language}`;
      const upload = backOffice.getByRole('form', { name: m['statements.upload'] });
      // a camt.053 whose entry lacks its credit/debit sign: refused with the line and the reason the API found
      await upload.getByLabel(m['statements.format']).selectOption('camt.053');
      await upload
        .getByLabel(m['statements.file'])
        .setInputFiles({ name: `broken-${language}.xml`, mimeType: 'application/xml', buffer: BROKEN_CAMT });
      await upload.getByRole('button', { name: m['statements.uploadButton'] }).click();
      const refusal = (await upload.getByRole('alert').filter({ hasText: m['error.RECONCILIATION.BAD_STATEMENT'] }).textContent())!;
      expect(refusal).toContain('line 9, Ntry');
      expect(refusal).toContain('CdtDbtInd');
      await upload.getByLabel(m['statements.format']).selectOption('csv');
      await upload.getByLabel(m['statements.file']).setInputFiles({
        name: `stray-${language}.csv`,
        mimeType: 'text/csv',
        buffer: Buffer.from(['date;amount;e2e;payer;text', `${today};-55.55;;Unknown;${stray}`].join('\n')),
      });
      await upload.getByRole('button', { name: m['statements.uploadButton'] }).click();
      await backOffice
        .getByRole('status')
        .filter({ hasText: filled(m['statements.imported']) })
        .waitFor();
      const line = backOffice.getByRole('row').filter({ hasText: stray });
      await line.getByRole('button', { name: m['exceptions.writeOff'] }).click();
      const why = backOffice.getByRole('dialog', { name: m['exceptions.writeOff'] });
      await why.getByLabel(m['exceptions.writeOffPrompt']).fill('bank charge, no invoice');
      await why.getByRole('button', { name: m['exceptions.writeOff'] }).click();
      await backOffice.getByRole('status').filter({ hasText: m['approvals.sent'] }).waitFor();
      const mine = backOffice
        .getByRole('table', { name: m['approvals.caption'] })
        .getByRole('row')
        .filter({ hasText: 'bank charge, no invoice' });
      await mine.getByText(m['approvals.own']).waitFor(); // not one's own to approve
      await line.waitFor(); // still in the queue

      const treasury = await signInWithSecondFactor(PEOPLE.treasury);
      const request = treasury
        .getByRole('table', { name: m['approvals.caption'] })
        .getByRole('row')
        .filter({ hasText: 'bank charge, no invoice' });
      await request.getByText(m['approval.reconciliation.write-off']).waitFor();
      await request.getByRole('button', { name: m['approvals.approve'] }).click();
      await request.waitFor({ state: 'detached' });
      await treasury.getByRole('row').filter({ hasText: stray }).waitFor({ state: 'detached' });
      await shoot(treasury, 'treasury-approvals');
    });

    it('the operator admin lands on the console, not a bank’s desk: organisations, their people, the audit log', async () => {
      const operator = await loginPage();
      await operator.getByLabel(m['login.email']).fill(DEMO_ADMIN.email);
      await operator.getByLabel(m['login.password']).fill(DEMO_ADMIN.password);
      await operator.getByRole('button', { name: m['login.submit'] }).click();
      await operator.getByRole('heading', { name: m['operator.title'], level: 1 }).waitFor();
      expect(await operator.getByRole('heading', { name: m['backOffice.title'] }).count()).toBe(0);
      const bankName = DEMO_ORGANISATIONS.bank.name;
      await operator.getByRole('table', { name: m['operator.organisations'] }).getByRole('cell', { name: bankName, exact: true }).waitFor();
      await operator.getByRole('button', { name: m['org.peopleOf'].replace('{name}', bankName) }).click();
      const people = operator.getByRole('table', { name: m['org.peopleOf'].replace('{name}', bankName) });
      await people.getByRole('cell', { name: bank[4].displayName, exact: true }).waitFor();
      await shoot(operator, 'operator');
      // the audit log filtered by who acted, paged by the API: the newest row is the API's newest for the same filter
      await operator.getByRole('tab', { name: m['operator.audit'] }).click();
      const filters = operator.getByRole('form', { name: m['audit.filters'] });
      await filters.getByLabel(m['audit.actor']).fill(PEOPLE.backOffice);
      await filters.getByRole('button', { name: m['audit.filter'], exact: true }).click();
      const admin = await api.as(DEMO_ADMIN.email, DEMO_ADMIN.password);
      const [newest] = (await admin.get(`/audit-events?actor=${encodeURIComponent(PEOPLE.backOffice)}&limit=1`).expect(200)).body.items;
      const log = operator.getByRole('table', { name: m['operator.audit'] });
      const rows = log.locator('tbody tr:not([aria-hidden])');
      const mine = async () => {
        const texts = await rows.allTextContents();
        return texts.length > 0 && texts.every((row) => row.includes(PEOPLE.backOffice)) ? texts : undefined;
      };
      const [first] = await eventually(mine, 'the audit log filtered by who acted');
      expect(first).toContain(newest.action);
      expect(first).toContain(newest.entityId);
    });

    it('a financing’s timeline names each person and the role they acted in, the platform in words, never an e-mail', async () => {
      // a financing of its own, taken to the approvers through the API
      const [smeApi, buyerApi, officerApi] = await Promise.all([api.as(PEOPLE.sme), api.as(PEOPLE.buyer), api.as(bank[0].email)]);
      const invoice = receivableBody(api.parties.powerGroup, { invoiceNumber: `TL-${language}`, amount: '400000.00' });
      const receivable = (await smeApi.post('/receivables').send(invoice).expect(201)).body.id;
      await smeApi.post(`/receivables/${receivable}/submit`).expect(200);
      await buyerApi.post(`/receivables/${receivable}/confirm`).send({}).expect(200);
      const application = { product: 'RECEIVABLE_FINANCING', assetId: receivable, bankId: api.parties.bank, amount: '300000.00' };
      const { id } = await applyFor(smeApi, application);
      const reached = (stage: string) =>
        eventually(async () => ((await smeApi.get(`/financings/${id}`)).body.stage === stage ? true : undefined), stage, 60_000);
      await reached('AWAITING_COUNTERPARTY');
      await buyerApi.post(`/financings/${id}/acknowledge`).send({ comment: 'notice received' }).expect(200);
      await reached('AWAITING_RECOMMENDATION');
      await officerApi.post(`/financings/${id}/recommend`).send({ comment: 'sound buyer' }).expect(200);
      await reached('AWAITING_APPROVAL');

      const sme = await signIn(PEOPLE.sme);
      await sme.evaluate(`location.hash = '/financings/${id}'`);
      const person = (name: string, organisation: string, role: keyof typeof m) =>
        m['actor.person'].replace('{name}', name).replace('{organisation}', organisation).replace('{role}', m[role]);
      const recommended = sme.locator('li[data-step="recommended"]').getByTestId('actor');
      await recommended.waitFor();
      expect(await recommended.textContent()).toBe(person(bank[0].displayName, DEMO_ORGANISATIONS.bank.name, 'role.CREDIT_OFFICER'));
      const buyer = person(DEMO_ORGANISATIONS.powerGroup.users[0].displayName, DEMO_ORGANISATIONS.powerGroup.name, 'role.PAYABLES_CLERK');
      expect(await sme.locator('li[data-step="counterparty.confirmed"]').getByTestId('actor').textContent()).toBe(buyer);
      const steps = (await sme.locator('ol.timeline').textContent())!;
      expect(steps).toContain(m['actor.SYSTEM']);
      expect(steps).not.toContain('@');
      expect(steps).not.toContain('system:');
      // the summary names who confirmed for the buyer the same way, and the asset by its invoice number
      await sme.getByText(m['financing.acknowledgedBy'].replace('{who}', buyer)).waitFor();
      await sme
        .getByTestId('asset-name')
        .filter({ hasText: m['asset.invoice'].replace('{number}', `TL-${language}`) })
        .waitFor();
    });

    it('the portfolio names a commodity’s concentration limit by the commodity, not its code', async () => {
      const officer = await signIn(PEOPLE.senior);
      await officer.getByRole('navigation').getByRole('link', { name: m['nav.portfolio'] }).click();
      const commodities = (await (await api.as(PEOPLE.senior)).get('/commodities').expect(200)).body as Array<{
        code: string;
        name: string;
      }>;
      const chart = officer.locator(`[aria-label^="${m['portfolio.limits']}:"]`);
      await chart.waitFor();
      const limits = (await chart.getAttribute('aria-label'))!;
      expect(limits).toContain(commodities.find((c) => c.code === 'COAL-5500')!.name);
      expect(limits).not.toContain('COAL-5500');
    });

    it('the back office reads and saves an account’s CSV layout and proposes a charge rule, which treasury approves', async () => {
      const backOffice = await signIn(PEOPLE.backOffice);
      await backOffice.getByRole('navigation').getByRole('link', { name: m['nav.settings'] }).click();
      await backOffice.getByRole('heading', { name: m['settings.title'], level: 1 }).waitFor();
      const accounts = backOffice.getByRole('table', { name: m['settings.accounts'] });
      await accounts.getByRole('cell', { name: DEMO_COLLECTION_ACCOUNT, exact: true }).waitFor();
      // the layout the demo saved, as the form shows it; saved again unchanged, the API keeps it
      const layout = backOffice.getByRole('form', { name: m['settings.csv'].replace('{account}', DEMO_COLLECTION_ACCOUNT) });
      await layout.getByRole('radio', { name: m['delimiter.;'] }).and(backOffice.locator(':checked')).waitFor();
      expect(await layout.getByLabel(m['column.amount']).inputValue()).toBe('2');
      expect(await layout.getByLabel(m['column.remittance']).inputValue()).toBe('5');
      await layout.getByRole('button', { name: m['settings.csv.save'] }).click();
      await layout
        .getByRole('status')
        .filter({ hasText: m['settings.csv.saved'].replace('{account}', DEMO_COLLECTION_ACCOUNT) })
        .waitFor();
      const office = await api.as(PEOPLE.backOffice);
      expect((await office.get(`/statements/csv-mappings/${DEMO_COLLECTION_ACCOUNT}`).expect(200)).body).toEqual(DEMO_CSV_MAPPING);
      // a rule no statement line carries: proposed here, in force once treasury approves it
      const code = `E2E/${language}`;
      const propose = backOffice.getByRole('form', { name: m['rule.propose'] });
      await propose.getByLabel(m['rule.name']).fill(`e2e ${language}`);
      await propose.getByLabel(m['rule.code']).fill(code);
      await propose.getByRole('button', { name: m['rule.propose'] }).click();
      const pending = backOffice.getByRole('table', { name: m['rule.pending'] }).getByRole('row').filter({ hasText: code });
      await pending.getByText(m['rule.own']).waitFor();
      await shoot(backOffice, 'bank-settings');
      const treasury = await signInWithSecondFactor(PEOPLE.treasury);
      await treasury.getByRole('navigation').getByRole('link', { name: m['nav.settings'] }).click();
      const theirs = treasury.getByRole('table', { name: m['rule.pending'] }).getByRole('row').filter({ hasText: code });
      await theirs.getByRole('button', { name: m['rule.approve'] }).click();
      await treasury
        .getByRole('table', { name: m['settings.rules'].replace('{account}', DEMO_COLLECTION_ACCOUNT) })
        .getByRole('cell', { name: code, exact: true })
        .waitFor();
      const rules = (await office.get(`/reconciliation/accounts/${DEMO_COLLECTION_ACCOUNT}/rules`).expect(200)).body;
      expect(rules).toContainEqual(
        expect.objectContaining({ bankTransactionCode: code, ledgerAccount: 'BANK_CHARGES', direction: 'DBIT' }),
      );
    });

    it('serves the OpenAPI page whole under the content security policy', async () => {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      watch(page);
      await page.goto(`${baseUrl}/docs`);
      await page.getByText('Caravan API').first().waitFor();
      await page.getByText('/financings/{id}/payments').first().waitFor();
    });

    it('shows its favicon, which the content security policy lets through', async () => {
      const page = await loginPage();
      const href = await page.locator('link[rel="icon"]').getAttribute('href');
      const icon = await page.request.get(new URL(href!, page.url()).href);
      expect(icon.ok()).toBe(true);
      expect(icon.headers()['content-type']).toContain('image/svg+xml');
    });

    it('the custodian’s home page works too', async () => {
      const custodian = await signIn(PEOPLE.custodian);
      await custodian.getByRole('heading', { name: m['custodian.title'] }).waitFor();
      await custodian.getByRole('cell', { name: 'HBY-2026-000731' }).waitFor();
      await shoot(custodian, 'custodian');
    });

    it('signs in and moves around with the keyboard alone, and fits a tablet', async () => {
      const context = await browser.newContext({ viewport: { width: 820, height: 1180 }, locale: language === 'en' ? 'en-US' : 'zh-CN' });
      contexts.push(context);
      await context.addInitScript(`localStorage.setItem('caravan.language', '${language}')`);
      const page = await context.newPage();
      await page.goto(`${baseUrl}/portal/`);
      await page.getByRole('form', { name: m['login.title'] }).waitFor();
      expect(await page.title()).toContain(m['login.title']);
      // the e-mail field has the focus; Tab moves on; Enter submits
      await page.keyboard.type(PEOPLE.sme);
      await page.keyboard.press('Tab');
      await page.keyboard.type(DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: m['sme.title'] }).waitFor();
      // the skip link comes first and takes the focus to the page's content
      await page.keyboard.press('Tab');
      expect(await page.evaluate('document.activeElement?.textContent')).toBe(m['nav.skip']);
      await page.keyboard.press('Enter');
      expect(await page.evaluate('document.activeElement?.id')).toBe('main');
      // nothing is wider than the tablet's screen
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(820);
      await shoot(page, 'sme-tablet');
    });
  });
});
