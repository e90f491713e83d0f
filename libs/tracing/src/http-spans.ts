import type { Span } from '@opentelemetry/api';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { safeUrl } from '@caravan/logging';

/**
 * A span's URLs as the logs write them: secret-looking query values redacted (an OpenID
 * callback's code, a token someone put in a link), since spans leave for a collector.
 */
export function redactUrls(span: Span, request: ClientRequest | IncomingMessage): void {
  if ('path' in request) {
    const target = safeUrl(request.path);
    span.setAttributes({ 'http.target': target, 'http.url': `${request.protocol}//${request.host}${target}` });
  } else {
    const target = safeUrl(request.url);
    const scheme = 'encrypted' in request.socket ? 'https' : 'http';
    span.setAttributes({ 'http.target': target, 'http.url': `${scheme}://${request.headers.host ?? 'localhost'}${target}` });
  }
}
