import { App as AntApp, ConfigProvider, Layout, Menu } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { FormEvent, ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { api, ApiError, Schema, session, whenUnauthenticated } from './api';
import { has, I18n, I18nContext, Language, saveLanguage, savedLanguage, translate, useI18n } from './i18n';
import { BackOfficeHome } from './pages/back-office';
import { BankSettingsPage } from './pages/bank-settings';
import { BankHome } from './pages/bank';
import { PortfolioPage } from './pages/portfolio';
import { BuyerHome } from './pages/buyer';
import { CustodianHome } from './pages/custodian';
import { FinancingPage } from './pages/financing';
import { OperatorHome } from './pages/operator';
import { PaymentNoticePage } from './pages/repayment';
import { SecondFactorEnrolment } from './pages/second-factor';
import { ApplyPage, SmeHome } from './pages/sme';
import { AskProvider, Field, ErrorNote, textOf, usePageTitle } from './ui';
import { Desk, deskOf, Me } from './me';

/** The route: the part of the address after '#'. */
function useRoute(): [string, (to: string) => void] {
  const [route, setRoute] = useState(() => location.hash.slice(1) || '/');
  useEffect(() => {
    const onChange = () => setRoute(location.hash.slice(1) || '/');
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return [route, (to) => (location.hash = to)];
}

/**
 * Ant Design's default theme with the portal's blue and a body text size that reads Chinese
 * well; two-character Chinese button labels keep their two characters together (antd would write 筛 选).
 */
const THEME = { token: { colorPrimary: '#1d4f91', fontSize: 14, borderRadius: 4 } };

export function App() {
  const [language, setLanguage] = useState<Language>(savedLanguage);
  const [me, setMe] = useState<Me | null>(null);
  const [ready, setReady] = useState(false);
  const [ssoError, setSsoError] = useState<unknown>();
  const i18n = useMemo<I18n>(
    () => ({
      language,
      t: (key, params) => translate(language, key, params),
      label: (prefix, code) => (has(`${prefix}.${code}`) ? translate(language, `${prefix}.${code}` as never) : code),
      setLanguage: (l) => (saveLanguage(l), setLanguage(l)),
    }),
    [language],
  );
  const loadMe = useCallback(async () => {
    setMe(session.token ? await api.GET('/auth/me').catch(() => null) : null);
    setReady(true);
  }, []);
  // back from one's bank's sign-in: its answer is exchanged for a session once, then taken off the address
  useEffect(() => {
    if (!new URLSearchParams(location.search).has('state')) return;
    const callback = location.search;
    history.replaceState(null, '', location.pathname + location.hash);
    api
      .POST('/auth/sso/complete', { body: { callback } })
      .then(({ accessToken }) => ((session.token = accessToken), loadMe()))
      .catch(setSsoError);
  }, [loadMe]);
  useEffect(() => {
    saveLanguage(language);
    whenUnauthenticated(() => setMe(null));
    void loadMe();
  }, [loadMe, language]);

  return (
    <I18nContext.Provider value={i18n}>
      <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={THEME} button={{ autoInsertSpace: false }}>
        <AntApp>
          <AskProvider>
            {!ready ? null : me ? (
              <Shell me={me} onLogout={() => ((session.token = null), setMe(null), (location.hash = '/'))} />
            ) : (
              <Login onLogin={loadMe} ssoError={ssoError} />
            )}
          </AskProvider>
        </AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  const other: Language = language === 'en' ? 'zh-CN' : 'en';
  return (
    <button type="button" className="link" lang={other} onClick={() => setLanguage(other)} aria-label={t('language.switch')}>
      {other === 'en' ? 'English' : '中文'}
    </button>
  );
}

/** The banks whose officers sign in through their own provider: a button each. */
function BankSignIn({ error }: { error: unknown }) {
  const { t } = useI18n();
  const [banks, setBanks] = useState<Array<Schema<'SingleSignOnProviderView'>>>([]);
  const [failure, setFailure] = useState<unknown>(error);
  useEffect(() => void api.GET('/auth/sso/providers').then(setBanks, () => setBanks([])), []);
  useEffect(() => setFailure(error), [error]);
  const go = async (organisationId: string) => {
    try {
      const { authorizationUrl } = await api.POST('/auth/sso/start', {
        body: { organisationId, redirectUri: location.origin + location.pathname },
      });
      location.assign(authorizationUrl);
    } catch (err) {
      setFailure(err);
    }
  };
  if (banks.length === 0 && !failure) return null;
  return (
    <section className="card" aria-label={t('login.sso.title')}>
      <h2>{t('login.sso.title')}</h2>
      {banks.map((b) => (
        <button key={b.organisationId} type="button" onClick={() => void go(b.organisationId)}>
          {t('login.sso.button', { bank: b.name })}
        </button>
      ))}
      <ErrorNote error={failure} />
    </section>
  );
}

function Login({ onLogin, ssoError }: { onLogin: () => Promise<void>; ssoError?: unknown }) {
  const { t } = useI18n();
  usePageTitle(t('login.title'));
  const [error, setError] = useState<unknown>();
  // asked for once the password was right and the person has a second factor
  const [needsCode, setNeedsCode] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    try {
      const otp = needsCode ? textOf(form, 'otp') : undefined;
      const { accessToken } = await api.POST('/auth/login', {
        body: { email: textOf(form, 'email'), password: textOf(form, 'password'), ...(otp ? { otp } : {}) },
      });
      session.token = accessToken;
      await onLogin();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'AUTH.OTP_REQUIRED') setNeedsCode(true);
      else setError(err);
    }
  };
  return (
    <main className="login">
      <div className="login-top">
        <LanguageSwitch />
      </div>
      <h1>{t('app.name')}</h1>
      <form onSubmit={submit} className="card" aria-label={t('login.title')}>
        <Field label={t('login.email')} name="email" error={error}>
          {(p) => <input {...p} type="email" autoComplete="username" required autoFocus />}
        </Field>
        <Field label={t('login.password')} name="password" error={error}>
          {(p) => <input {...p} type="password" autoComplete="current-password" required />}
        </Field>
        {needsCode && (
          <>
            <p>{t('login.otpHint')}</p>
            <Field label={t('login.otp')} name="otp" error={error}>
              {(p) => <input {...p} inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} required autoFocus />}
            </Field>
          </>
        )}
        <ErrorNote error={error} fields={['email', 'password', 'otp']} />
        <button type="submit">{t('login.submit')}</button>
      </form>
      <BankSignIn error={ssoError} />
    </main>
  );
}

function Shell({ me, onLogout }: { me: Me; onLogout: () => void }) {
  const { t, label } = useI18n();
  const [route] = useRoute();
  const desk = deskOf(me.roles);
  const links: Array<[string, string]> = [['/', t('nav.home')]];
  if (desk === 'sme') links.push(['/apply', t('nav.apply')]);
  if (desk === 'bank') links.push(['/portfolio', t('nav.portfolio')]);
  if (desk === 'backOffice') links.push(['/settings', t('nav.settings')]);

  let page: ReactNode;
  const financing = /^\/financings\/([\w-]+)$/.exec(route);
  const notice = /^\/financings\/([\w-]+)\/notice$/.exec(route);
  if (me.secondFactor === 'REQUIRED') page = <SecondFactorEnrolment onDone={onLogout} />;
  else if (financing) page = <FinancingPage me={me} id={financing[1]} />;
  else if (notice) page = <PaymentNoticePage id={notice[1]} />;
  else if (route === '/apply' && desk === 'sme') page = <ApplyPage me={me} />;
  else if (route === '/portfolio' && desk === 'bank') page = <PortfolioPage />;
  else if (route === '/settings' && desk === 'backOffice') page = <BankSettingsPage me={me} />;
  else page = <Home me={me} desk={desk} />;

  return (
    <Layout className="shell">
      <a className="skip" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        {t('nav.skip')}
      </a>
      <Layout.Header className="top">
        <span className="brand">{t('app.name')}</span>
        <nav aria-label={t('nav.main')}>
          <Menu
            mode="horizontal"
            theme="dark"
            selectedKeys={[route]}
            items={links.map(([to, text]) => ({
              key: to,
              label: (
                <a href={`#${to}`} aria-current={route === to ? 'page' : undefined}>
                  {text}
                </a>
              ),
            }))}
          />
        </nav>
        <span className="who">
          {me.displayName} · {me.roles.map((r) => label('role', r)).join(', ')}
        </span>
        <LanguageSwitch />
        <button type="button" className="link" onClick={onLogout}>
          {t('nav.logout')}
        </button>
      </Layout.Header>
      <main id="main" tabIndex={-1}>
        {page}
      </main>
    </Layout>
  );
}

function Home({ me, desk }: { me: Me; desk: Desk }) {
  switch (desk) {
    case 'sme':
      return <SmeHome me={me} />;
    case 'buyer':
      return <BuyerHome me={me} />;
    case 'custodian':
      return <CustodianHome me={me} />;
    case 'bank':
      return <BankHome me={me} />;
    case 'backOffice':
      return <BackOfficeHome me={me} />;
    case 'operator':
      return <OperatorHome me={me} />;
  }
}
