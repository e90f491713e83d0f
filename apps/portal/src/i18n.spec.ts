import { ApiError } from './api';
import { explain, explainField } from './i18n';
import { en, zh } from './messages';

// Refusals by their stable code (issue 16): a field shows what the API refused it for, not a
// format hint for a value whose format was fine; a statement's refusal keeps its line and reason.
describe('explaining the API’s refusals', () => {
  it('a duplicate invoice number reads as already registered, not as a malformed number', () => {
    const duplicate = new ApiError(409, 'RECEIVABLE.DUPLICATE_INVOICE', 'already registered', [
      { field: 'invoiceNumber', message: 'invoice 0451 is already registered' },
    ]);
    expect(explainField('zh-CN', duplicate, 'invoiceNumber')).toBe('该发票已登记。（invoice 0451 is already registered）');
  });

  it('an amount above the maximum says so, with the maximum the API gave', () => {
    const above = new ApiError(400, 'FINANCING.ABOVE_MAXIMUM', 'x', [{ field: 'amount', message: 'at most 1000000.00' }]);
    expect(explainField('en', above, 'amount')).toBe('The amount is above what may be financed. (at most 1000000.00)');
  });

  it('a request that did not validate shows the field’s own hint', () => {
    const invalid = new ApiError(400, 'REQUEST.INVALID', 'x', [{ field: 'amount', message: 'amount must be a decimal string' }]);
    expect(explainField('zh-CN', invalid, 'amount')).toBe('请输入正数金额，最多两位小数，例如 1250000.00');
  });

  it('a refused statement keeps the line and the reason', () => {
    const bad = new ApiError(400, 'RECONCILIATION.BAD_STATEMENT', 'x', [], 'line 12, Ntry: an entry needs Amt with its currency');
    expect(explain('zh-CN', bad)).toBe('对账单无法读取或不平衡。（line 12, Ntry: an entry needs Amt with its currency）');
    // without a detail, the code's message alone
    expect(explain('en', new ApiError(400, 'RECONCILIATION.BAD_STATEMENT', 'Bad Request'))).toBe(
      'The statement cannot be read or does not balance.',
    );
  });
});

// 核销 is a write-off and nothing else: a match (a payment cleared against what was expected) is 匹配.
describe('the words for reconciliation', () => {
  it.each(Object.entries(zh).filter(([, text]) => text.includes('核销')))('%s says 核销 for a write-off only', (key) => {
    expect(en[key as keyof typeof zh]).toMatch(/writ(e|ten)( it)?[- ]off/i);
  });

  it('a payment cleared against what was expected is 匹配', () => {
    expect(zh['movement.MATCHED']).toBe('已匹配');
    expect(zh['pay.text']).toContain('自动匹配');
  });
});
