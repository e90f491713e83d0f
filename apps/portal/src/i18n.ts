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

/**
 * An API refusal in the reader's language: the stable code's own message when we have one,
 * else the API's English text behind a translated lead.
 */
export function explain(language: Language, error: unknown): string {
  if (!(error instanceof ApiError)) return translate(language, 'error.unexpected');
  const key = `error.${error.code}`;
  return has(key) ? translate(language, key) : translate(language, 'error.generic', { message: error.message });
}

/** A field's complaint, for display beside the field. */
export function explainField(language: Language, error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const problem = error.about(field);
  if (!problem) return undefined;
  const key = `field.${field}`;
  return has(key) ? translate(language, key) : problem.message;
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
