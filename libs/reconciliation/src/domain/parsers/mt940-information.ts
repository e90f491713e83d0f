import type { EntryDetail } from '../statement';

// What banks put in an MT940 :86: field, read into a transaction's details. Two structures are
// common: the German banks' (DFÜ-Abkommen, Anlage 3: a business code, then ?nn sub-fields of
// 27 characters at most, with SEPA keywords such as EREF+ and SVWZ+ in the purpose lines), and
// the Dutch-style slash codes (/EREF/…/REMI/…). Anything else is free text, kept as it is.

const SUB_FIELD = /\?(\d{2})/g;
const SUB_FIELD_LENGTH = 27;
/** What a payer's bank writes for "no reference" (SEPA, MT940). */
const NO_REFERENCE = ['NOTPROVIDED', 'NONREF'];
/** The SEPA keywords of the purpose lines; a keyword starts a sub-field. */
const KEYWORD = /^(EREF|KREF|MREF|CRED|DEBT|SVWZ|ABWA|ABWE|COAM|OAMT|IBAN|BIC)\+/;
const SLASH_CODE = /\/(EREF|MARF|CSID|CNTP|BENM|ORDP|REMI|PURP|ISDT|RTRN|ULTC|ULTD|IREF|TRCD|BUSP|SVCL|ACCW)\//g;

/** The ?nn sub-fields of a German :86:, in order (a code may repeat, e.g. the purpose lines). */
function subFields(info: string): Array<[number, string]> {
  const marks = [...info.matchAll(SUB_FIELD)];
  return marks.map((m, i) => [Number(m[1]), info.slice(m.index! + 3, marks[i + 1]?.index ?? info.length)]);
}

/**
 * The purpose lines (?20–?29, ?60–?63) split by SEPA keyword. A keyword's value runs on into
 * the next line only when its line is full: a shorter one ended there.
 */
function purposeOf(lines: string[]): { keywords: Map<string, string>; text: string } {
  const keywords = new Map<string, string>();
  const free: string[] = [];
  let open: string | undefined;
  for (const line of lines) {
    const keyword = KEYWORD.exec(line)?.[1];
    if (keyword) keywords.set(keyword, line.slice(keyword.length + 1));
    else if (open) keywords.set(open, keywords.get(open)! + line);
    else free.push(line);
    open = line.length >= SUB_FIELD_LENGTH ? (keyword ?? open) : undefined;
  }
  return { keywords, text: free.join('').trim() };
}

function germanDetail(info: string): EntryDetail {
  const fields = subFields(info);
  const take = (...codes: number[]) => fields.filter(([code]) => codes.includes(code)).map(([, value]) => value);
  const purpose = purposeOf(take(20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 60, 61, 62, 63));
  const endToEnd = purpose.keywords.get('EREF')?.trim();
  const name = take(32, 33).join('').trim();
  return {
    endToEndId: endToEnd && !NO_REFERENCE.includes(endToEnd) ? endToEnd : undefined,
    counterpartyName: name || undefined,
    counterpartyAccount: take(31)[0]?.trim() || undefined,
    // without a purpose, the posting text (?00) says what the booking is
    remittance: purpose.keywords.get('SVWZ')?.trim() || purpose.text || take(0)[0]?.trim() || info,
  };
}

/** The slash codes' values, and the named parts of a party (/NAME/… inside /BENM/ or /ORDP/). */
function slashDetail(info: string): EntryDetail {
  const marks = [...info.matchAll(SLASH_CODE)];
  const codes = new Map(marks.map((m, i) => [m[1], info.slice(m.index! + m[0].length, marks[i + 1]?.index ?? info.length)]));
  const party = codes.get('BENM') ?? codes.get('ORDP');
  const cntp = codes.get('CNTP')?.split('/');
  const remittance = codes
    .get('REMI')
    ?.replace(/^(USTD\/\/|STRD\/CUR\/)/, '')
    .replace(/\/+$/, '')
    .trim();
  return {
    endToEndId: codes.get('EREF')?.replace(/\/+$/, '').trim() || undefined,
    // the party is /NAME/… (and /ID/…) inside the code, or just the name where a bank writes only that
    counterpartyName:
      (/\/NAME\/([^/]*)/.exec(party ?? '')?.[1] ?? (party?.includes('/') ? undefined : party) ?? cntp?.[2])?.trim() || undefined,
    counterpartyAccount: /\/(?:ACCW|IBAN|ID)\/([^/]*)/.exec(party ?? '')?.[1]?.trim() || cntp?.[0]?.trim() || undefined,
    remittance: remittance || info,
  };
}

/** A :86: field (its lines joined) as one transaction's details; free text stays the remittance. */
export function detailOfInformation(info: string): EntryDetail {
  if (/^(\d{3})?\?\d{2}/.test(info)) return germanDetail(info);
  if (new RegExp(SLASH_CODE.source).test(info)) return slashDetail(info);
  return { remittance: info };
}
