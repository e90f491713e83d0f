import { FormEvent, useState } from 'react';
import { toDataURL } from 'qrcode';
import { api } from '../api';
import { useI18n } from '../i18n';
import { ErrorNote, Field, Section, textOf, useAction, usePageTitle } from '../ui';

/**
 * For a person whose role signs in with a one-time code and who has no authenticator app yet:
 * the seed as a QR code (and as text), confirmed by a first code; then they sign in again.
 */
export function SecondFactorEnrolment({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  usePageTitle(t('secondFactor.title'));
  const [seed, setSeed] = useState<{ secret: string; qr: string }>();
  const [done, setDone] = useState(false);
  const { error, run } = useAction();
  const start = () =>
    run(async () => {
      const { secret, uri } = await api.POST('/auth/second-factor');
      setSeed({ secret, qr: await toDataURL(uri, { margin: 1, width: 200 }) });
    });
  const confirm = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const code = textOf(new FormData(e.currentTarget), 'code');
    void run(async () => (await api.POST('/auth/second-factor/confirm', { body: { code } }), setDone(true)));
  };
  return (
    <>
      <h1>{t('secondFactor.title')}</h1>
      <Section title={t('secondFactor.title')}>
        <p>{t('secondFactor.why')}</p>
        <ErrorNote error={error} fields={['code']} />
        {done ? (
          <>
            <p role="status">{t('secondFactor.done')}</p>
            <button type="button" onClick={onDone}>
              {t('secondFactor.again')}
            </button>
          </>
        ) : !seed ? (
          <button type="button" onClick={start}>
            {t('secondFactor.start')}
          </button>
        ) : (
          <form onSubmit={confirm} aria-label={t('secondFactor.title')}>
            <p>{t('secondFactor.scan')}</p>
            <img src={seed.qr} alt={t('secondFactor.qr')} width={200} height={200} />
            <p>
              <code data-testid="second-factor-secret">{seed.secret}</code>
            </p>
            <Field label={t('secondFactor.code')} name="code" error={error}>
              {(p) => <input {...p} inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} required autoFocus />}
            </Field>
            <button type="submit">{t('secondFactor.confirm')}</button>
          </form>
        )}
      </Section>
    </>
  );
}
