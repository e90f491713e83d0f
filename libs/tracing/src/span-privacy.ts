import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/**
 * What a span may carry out of the process, by attribute name: the request's method, status and
 * redacted URL (see redactedUrl), the SQL without its values, the servers reached, the Temporal run and
 * activity ids. Everything else goes, whatever instrumentation or semantic-convention version
 * put it there: Temporal's workflow ids (business keys such as a creditor, a debtor and an
 * invoice number), the workflow info its sink adds (memo, search attributes), the client's
 * address and user agent, error messages.
 */
const KEPT =
  /^(http\.(?!client_ip$|user_agent$)|url\.|db\.|server\.|net\.host\.(name|port)$|net\.peer\.(name|port)$|network\.protocol\.|error\.type$|exception\.type$|run_id$|temporalActivityId$)/;

const URLS = new Set(['http.url', 'http.target', 'url.full', 'url.path']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REDACTED = '%5Bredacted%5D';

/** A query's keys, each value redacted: a token, an account number or a name alike. */
function redactedQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => (pair.includes('=') ? `${pair.slice(0, pair.indexOf('='))}=${REDACTED}` : pair))
    .join('&');
}

/**
 * A URL as a span keeps it: its origin, its path with every segment holding a digit masked unless
 * it is an id (a UUID) or a version (v1) - an account number or a financing's reference in a path
 * is business data - its query's keys only, no fragment.
 */
export function redactedUrl(url: string): string {
  const [, origin = '', rest] = /^([a-z][\w+.-]*:\/\/[^/?#]*)?(.*)$/is.exec(url)!;
  const [pathAndQuery] = rest.split('#');
  const at = pathAndQuery.indexOf('?');
  const path = at === -1 ? pathAndQuery : pathAndQuery.slice(0, at);
  const masked = path
    .split('/')
    .map((segment) => (/\d/.test(segment) && !UUID.test(segment) && !/^v\d+$/i.test(segment) ? ':masked' : segment))
    .join('/');
  return at === -1 ? origin + masked : `${origin}${masked}?${redactedQuery(pathAndQuery.slice(at + 1))}`;
}

export function keptAttributes(attributes: ReadableSpan['attributes']): ReadableSpan['attributes'] {
  const kept: Record<string, ReadableSpan['attributes'][string]> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (!KEPT.test(key)) continue;
    if (typeof value === 'string' && URLS.has(key)) kept[key] = redactedUrl(value);
    else if (typeof value === 'string' && key === 'url.query') kept[key] = redactedQuery(value);
    else kept[key] = value;
  }
  return kept;
}

/** The span as it leaves: kept attributes only, events without theirs, a status without its message. */
export function privateSpan(span: ReadableSpan): ReadableSpan {
  return Object.create(span, {
    attributes: { value: keptAttributes(span.attributes) },
    events: { value: span.events.map((event) => ({ ...event, attributes: event.attributes && keptAttributes(event.attributes) })) },
    status: { value: { code: span.status.code } },
  }) as ReadableSpan;
}

/** The one processor in front of every exporter, for the SDK's spans and the workflow spans the sandbox hands out alike. */
export function privateSpans(processors: SpanProcessor[]): SpanProcessor {
  return {
    onStart: (span: Span, parent: Context) => processors.forEach((p) => p.onStart(span, parent)),
    onEnd: (span: ReadableSpan) => {
      const leaving = privateSpan(span);
      processors.forEach((p) => p.onEnd(leaving));
    },
    forceFlush: async () => void (await Promise.all(processors.map((p) => p.forceFlush()))),
    shutdown: async () => void (await Promise.all(processors.map((p) => p.shutdown()))),
  };
}
