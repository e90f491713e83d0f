import PDFDocument from 'pdfkit';
import type { ApiClient } from './api-client';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers read the fields they assert on
type Answer = any;

/**
 * The demo bank's financing contract: a short, real PDF made with pdfkit. Its standard fonts
 * carry no Chinese, so the demo text is English; a bank uploads its own (Chinese) contract.
 */
export function demoContractPdf(edition = '2026-12'): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `Financing agreement ${edition}`, Author: 'Caravan demo' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.fontSize(18).text(`Supply-chain financing agreement (edition ${edition})`);
  doc.moveDown().fontSize(11);
  for (const clause of CLAUSES) doc.text(clause).moveDown(0.5);
  doc.end();
  return done;
}

const CLAUSES = [
  '1. The bank advances the amount of the offer against the asset named in the application (a receivable assigned to the bank, or warehouse receipts pledged to it).',
  '2. The borrower pays interest at the annual rate of the offer, counted by its day count, and the up-front fee at disbursement. Total payable = principal + interest + fee, as the offer shows.',
  '3. Payments are applied to penalty interest, fees, interest and principal in that order; anything paid beyond what is owed is paid back to the borrower when the loan closes.',
  '4. Overdue amounts bear penalty interest at the penalty rate of the offer after the grace days.',
  '5. This demo text has no legal effect.',
];

/** Uploads a contract as `uploader` (a credit officer or approver): the raw PDF body. */
export async function uploadContract(
  uploader: ApiClient,
  pdf: Buffer,
  name = 'financing-agreement.pdf',
  contentType = 'application/pdf',
): Promise<{ status: number; body: Answer }> {
  const response = await fetch(`${uploader.baseUrl}/financing-contract?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': contentType, authorization: `Bearer ${uploader.token}` },
    body: new Uint8Array(pdf),
  });
  return { status: response.status, body: await response.json() };
}

/**
 * The demo bank's contract: uploaded by its credit officer once, adopted by an approver. Where
 * approvers sign in with a one-time code (the default), the seed cannot act as one: the
 * contract then waits in the approvers' queue, and until one adopts it offers are accepted
 * without a contract, as for any bank that has none in force.
 */
export async function seedDemoContract(officer: ApiClient, approver: ApiClient): Promise<'ADOPTED' | 'AWAITING_APPROVER' | 'SEEDED'> {
  const versions = await officer.call<{ items: Array<{ adoptedAt: string | null }> }>('GET', '/financing-contract/versions?limit=100');
  if (versions.items.length > 0) return 'SEEDED';
  const uploaded = await uploadContract(officer, await demoContractPdf(), 'silk-road-financing-agreement.pdf');
  if (uploaded.status !== 202) throw new Error(`uploading the demo contract: ${JSON.stringify(uploaded.body)}`);
  const adopted = await approver.request('POST', `/approval-requests/${uploaded.body.request.id}/approve`, {});
  if (adopted.status === 403 && adopted.body?.code === 'AUTH.SECOND_FACTOR_REQUIRED') return 'AWAITING_APPROVER';
  if (adopted.status < 200 || adopted.status > 299) throw new Error(`adopting the demo contract: ${JSON.stringify(adopted.body)}`);
  return 'ADOPTED';
}
