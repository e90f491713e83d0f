/**
 * A CSV field as spreadsheets read it: quoted when it holds a separator, a quote or a line
 * break; and text that a spreadsheet would take for a formula (=, +, -, @, a tab or a carriage
 * return first) is led by an apostrophe, as OWASP's CSV-injection advice says. Numbers, a
 * negative one too, stay numbers.
 */
export const csvField = (value: unknown) => {
  const raw = value === null || value === undefined ? '' : String(value);
  const text = /^[=+\-@\t\r]/.test(raw) && !/^-?\d+(\.\d+)?$/.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
