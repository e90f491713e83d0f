import { csvField } from './csv-field';

describe('csvField', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","Click")', `"'=HYPERLINK(""http://evil.example"",""Click"")"`],
    ["+cmd|' /C calc'!A0", `'+cmd|' /C calc'!A0`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `"'\r=1+1"`],
  ])('disarms a formula: %s', (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it.each([
    ['-512.34', '-512.34'],
    ['1250000.00', '1250000.00'],
    ['COLLECTION-1', 'COLLECTION-1'],
    ['a, b', '"a, b"'],
    [null, ''],
  ])('leaves numbers and plain text as they are: %s', (value, written) => {
    expect(csvField(value)).toBe(written);
  });
});
