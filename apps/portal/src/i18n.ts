import { createContext, useContext } from 'react';
import { ApiError } from './api';
import { en, zh } from './messages';

export type Language = 'zh-CN' | 'en';
export type MessageKey = keyof typeof zh;

const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { 'zh-CN': zh, en };
const LANGUAGE = 'caravan.language';

export function savedLanguage(): Language {
  return localStorage.getItem(LANGUAGE) === 'en' ? 'en' : 'zh-CN';
}

export function saveLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE, language);
  document.documentElement.lang = language;
}

/** A message with {placeholders} filled in. */
export function translate(language: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  return DICTIONARIES[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Whether a code (an API error code, a stage, a timeline step) has a message of its own. */
export function has(key: string): key is MessageKey {
  return key in zh;
}

/** A code's own message followed by what the API said of this case (its detail), unless that adds nothing. */
function withDetail(language: Language, message: string, detail: string | undefined): string {
  return detail && !message.includes(detail) ? translate(language, 'error.withDetail', { message, detail }) : message;
}

/**
 * An API refusal in the reader's language: the stable code's own message when we have one,
 * with the API's detail (a statement's line and reason), else the API's English text behind a
 * translated lead.
 */
export function explain(language: Language, error: unknown): string {
  if (!(error instanceof ApiError)) return translate(language, 'error.unexpected');
  const key = `error.${error.code}`;
  return has(key)
    ? withDetail(language, translate(language, key), error.detail)
    : translate(language, 'error.generic', { message: error.message });
}

/**
 * A field's complaint, for display beside the field, by the refusal's code: a request that did
 * not validate shows the field's own hint; a refusal (already registered, above the maximum)
 * shows its code's message with what the API said of the field — never a format hint for a
 * value whose format was fine.
 */
export function explainField(language: Language, error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const problem = error.about(field);
  if (!problem) return undefined;
  const key = error.code === 'REQUEST.INVALID' ? `field.${field}` : `error.${error.code}`;
  if (!has(key)) return problem.message;
  return error.code === 'REQUEST.INVALID' ? translate(language, key) : withDetail(language, translate(language, key), problem.message);
}

export interface I18n {
  language: Language;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** For codes from the API (stages, steps, roles): its message, or the code itself. */
  label: (prefix: string, code: string) => string;
  setLanguage: (language: Language) => void;
}

export const I18nContext = createContext<I18n>(null as unknown as I18n);
export const useI18n = () => useContext(I18nContext);
