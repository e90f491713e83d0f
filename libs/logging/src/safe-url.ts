/** Query parameters whose values are secrets, whatever a client put them there for. */
const SECRET = /token|secret|password|passwd|key|code|signature|session|auth/i;

/**
 * A request's URL as it may be logged or echoed: its path, and its query with the values of
 * secret-looking parameters replaced (`?access_token=…` is never written anywhere).
 */
export function safeUrl(url: string | undefined): string {
  if (!url) return '';
  const at = url.indexOf('?');
  if (at === -1) return url;
  const query = new URLSearchParams(url.slice(at + 1));
  for (const key of [...query.keys()]) if (SECRET.test(key)) query.set(key, '[redacted]');
  const rest = query.toString();
  return rest ? `${url.slice(0, at)}?${rest}` : url.slice(0, at);
}
