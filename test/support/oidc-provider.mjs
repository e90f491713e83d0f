// A real OpenID Connect provider (the `oidc-provider` package) standing in for a bank's own
// single sign-on, in a process of its own (the package is ES modules only). Its clients come
// as JSON in the environment, its accounts from a JSON file read at each use (a test changes a
// person's groups there); its sign-in page takes an account id and the password "correct
// horse", and reports the methods (amr) each account is said to have used.
// Prints {"issuer": …} once it listens.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const accountsOf = () => JSON.parse(readFileSync(process.env.OIDC_ACCOUNTS_FILE, 'utf8'));
const clients = JSON.parse(process.env.OIDC_CLIENTS ?? '[]');
const PASSWORD = 'correct horse';

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients,
  findAccount: (_ctx, id) => {
    const account = accountsOf()[id];
    return account && { accountId: id, claims: () => ({ sub: id, ...account.claims }) };
  },
  scopes: ['openid', 'email', 'profile', 'groups'],
  claims: { openid: ['sub', 'amr'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
  pkce: { required: () => true },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  cookies: { keys: ['a test provider, not a secret'] },
  // amr with the subject, in the ID token as providers commonly send it
  // first-party clients: no consent screen, the grant is what the client asked for
  loadExistingGrant: async (ctx) => {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope(ctx.oidc.requestParamScopes ? [...ctx.oidc.requestParamScopes].join(' ') : 'openid');
    await grant.save();
    return grant;
  },
});

const page = (uid, error = '') => `<!doctype html><html><body><h1>Bank sign-in</h1>${error ? `<p role="alert">${error}</p>` : ''}
<form method="post" action="/interaction/${uid}"><label>Account <input name="login" autocomplete="username"></label>
<label>Password <input name="password" type="password"></label><button type="submit">Sign in</button></form></body></html>`;

async function interaction(req, res) {
  const { uid } = await provider.interactionDetails(req, res);
  if (req.method === 'GET') return void res.writeHead(200, { 'content-type': 'text/html' }).end(page(uid));
  let body = '';
  for await (const chunk of req) body += chunk;
  const form = new URLSearchParams(body);
  const account = accountsOf()[form.get('login')];
  if (!account || form.get('password') !== PASSWORD) return void res.writeHead(200, { 'content-type': 'text/html' }).end(page(uid, 'wrong account or password'));
  await provider.interactionFinished(req, res, { login: { accountId: form.get('login'), amr: account.amr ?? ['pwd'] } }, { mergeWithLastSubmission: false });
}

const callback = provider.callback();
server.on('request', (req, res) => {
  if (req.url.startsWith('/interaction/')) interaction(req, res).catch((e) => res.writeHead(500).end(String(e)));
  else callback(req, res);
});
console.log(JSON.stringify({ issuer }));
