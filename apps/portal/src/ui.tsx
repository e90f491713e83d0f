import { createContext, ReactNode, SelectHTMLAttributes, useCallback, useContext, useEffect, useId, useState } from 'react';
import { Card, Input, Modal, Tag } from 'antd';
import { explain, explainField, useI18n } from './i18n';

/**
 * A person's action, its refusal and its success line: `run` clears both the last refusal and
 * the last success (a stale success never stands beside a new refusal), runs the action and
 * keeps what it threw, to be shown beside the form; it answers whether the action went through.
 */
export function useAction(): {
  error: unknown;
  setError: (error: unknown) => void;
  notice: string | undefined;
  setNotice: (notice: string | undefined) => void;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
} {
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const run = async (action: () => Promise<unknown>) => {
    setError(undefined);
    setNotice(undefined);
    try {
      await action();
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  };
  return { error, setError, notice, setNotice, run };
}

/** What a dialog asks: a title, what it is about, and a text to type when it needs one (a reason). */
export interface Question {
  title: string;
  message?: string;
  /** The label of a required text to type (a reason, quantities); none for a plain yes or no. */
  input?: string;
  confirm: string;
  danger?: boolean;
}

/** The answer: null when cancelled, else the text typed (trimmed; '' when nothing was asked). */
type Ask = (question: Question) => Promise<string | null>;

const AskContext = createContext<Ask>(() => Promise.resolve(null));

/** The page's question dialog, one at a time; `useAsk` opens it from anywhere below. */
export function AskProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState<{ question: Question; answer: (text: string | null) => void }>();
  const ask = useCallback<Ask>(
    (question) =>
      new Promise((answer) => {
        // what opened it gets the focus back once the dialog is gone (it unmounts with its answer)
        const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        setOpen({ question, answer: (text) => (answer(text), setTimeout(() => opener?.focus())) });
      }),
    [],
  );
  return (
    <AskContext.Provider value={ask}>
      {children}
      {open && <AskDialog {...open.question} onAnswer={(text) => (setOpen(undefined), open.answer(text))} />}
    </AskContext.Provider>
  );
}

export const useAsk = (): Ask => useContext(AskContext);

/**
 * Ant Design's modal: focus moves into it (to the text, else the confirm button), Escape or
 * Cancel answers null (AskProvider gives the focus back to what opened it).
 */
function AskDialog({ title, message, input, confirm, danger, onAnswer }: Question & { onAnswer: (text: string | null) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const submit = () => {
    if (input && !text.trim()) return; // only spaces: still required
    onAnswer(text.trim());
  };
  return (
    <Modal
      open
      title={<span id={`${id}-title`}>{title}</span>}
      aria-labelledby={`${id}-title`}
      onCancel={() => onAnswer(null)}
      onOk={submit}
      okText={confirm}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger, disabled: Boolean(input) && !text.trim(), autoFocus: !input }}
      destroyOnHidden
    >
      {message && <p id={`${id}-message`}>{message}</p>}
      {input && (
        <div className="field">
          <label htmlFor={`${id}-text`}>{input}</label>
          <Input.TextArea
            id={`${id}-text`}
            rows={3}
            maxLength={1000}
            required
            autoFocus
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
      )}
    </Modal>
  );
}

/** A form's text field by name (an input or a select); '' for a file or a field it does not have. */
export function textOf(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** Sets the page title (what a screen reader announces and the tab shows). */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Caravan`;
  }, [title]);
}

/** Runs a loader now, again on `deps`, and every `pollMs` while mounted (the live pages). */
export function useLoad<T>(
  load: () => Promise<T>,
  deps: unknown[],
  pollMs?: number,
): { data: T | undefined; error: unknown; reload: () => void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    const run = () =>
      load().then(
        (d) => live && (setData(d), setError(undefined)),
        (e) => live && setError(e),
      );
    run();
    const timer = pollMs ? setInterval(run, pollMs) : undefined;
    return () => {
      live = false;
      if (timer) clearInterval(timer);
    };
  }, [...deps, tick]);
  return { data, error, reload: () => setTick((n) => n + 1) };
}

/** A table with its caption (read by screen readers, hidden on screen) and column headers. */
export function DataTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: Array<{ label: ReactNode; numeric?: boolean }>;
  children: ReactNode;
}) {
  return (
    <table>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={i} scope="col" className={c.numeric ? 'num' : undefined}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="section">
      <Card title={<h2 id={id}>{title}</h2>} extra={actions}>
        {children}
      </Card>
    </section>
  );
}

/** A labelled input; the API's complaint about this field shows under it. */
export function Field({
  label,
  name,
  error,
  children,
}: {
  label: string;
  name: string;
  error?: unknown;
  children: (props: { id: string; name: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const { language } = useI18n();
  const id = useId();
  const complaint = explainField(language, error, name);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, name, ...(complaint ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {}) })}
      {complaint && (
        <p className="field-error" id={`${id}-error`} role="alert" data-field={name}>
          {complaint}
        </p>
      )}
    </div>
  );
}

/** The refusal not tied to a field, in the reader's language. */
export function ErrorNote({ error, fields = [] }: { error: unknown; fields?: string[] }) {
  const { language } = useI18n();
  if (!error) return null;
  if (fields.some((f) => explainField(language, error, f))) return null;
  return (
    <p className="error" role="alert">
      {explain(language, error)}
    </p>
  );
}

/** A required choice, starting on a "choose…" line that cannot be chosen. */
export function Choice({
  options,
  ...select
}: { options: Array<{ value: string; text: string }> } & SelectHTMLAttributes<HTMLSelectElement>) {
  const { t } = useI18n();
  return (
    <select {...select} required defaultValue="">
      <option value="" disabled>
        {t('common.choose')}
      </option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.text}
        </option>
      ))}
    </select>
  );
}

export function Progress({ value, label }: { value: number; label: string }) {
  const percent = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <div className="progress">
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="progress-track">
        <div className="progress-bar" style={{ width: `${percent}%` }} />
      </div>
      <span>{percent}%</span>
    </div>
  );
}

const TONES = { neutral: 'default', good: 'success', warn: 'warning', bad: 'error' } as const;

export function Badge({ children, tone = 'neutral' }: { children: ReactNode; tone?: keyof typeof TONES }) {
  return <Tag color={TONES[tone]}>{children}</Tag>;
}
