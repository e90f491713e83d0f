import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { safeUrl } from '@caravan/logging';

/**
 * What a span may carry out of the process, by attribute name: the request's method, route,
 * status and redacted URL, the SQL without its values, the servers reached, the Temporal run and
 * activity ids. Everything else goes, whatever instrumentation or semantic-convention version
 * put it there: Temporal's workflow ids (business keys such as a creditor, a debtor and an
 * invoice number), the workflow info its sink adds (memo, search attributes), the client's
 * address and user agent, error messages.
 */
const KEPT =
  /^(http\.(?!client_ip$|user_agent$)|url\.|db\.|server\.|net\.host\.(name|port)$|net\.peer\.(name|port)$|network\.protocol\.|error\.type$|exception\.type$|run_id$|temporalActivityId$)/;

// Query strings whose secret-looking values are redacted as in the logs (an OpenID callback's code).
const URLS = new Set(['http.url', 'http.target', 'url.full']);

export function keptAttributes(attributes: ReadableSpan['attributes']): ReadableSpan['attributes'] {
  const kept: Record<string, ReadableSpan['attributes'][string]> = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (!KEPT.test(key)) continue;
    if (typeof value === 'string' && URLS.has(key)) kept[key] = safeUrl(value);
    else if (typeof value === 'string' && key === 'url.query') kept[key] = safeUrl(`?${value}`).slice(1);
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
