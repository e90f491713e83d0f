import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '@caravan/config';
import { safeUrl } from './safe-url';

/** What an access log line says of its request and its response. */
export const ACCESS_LOG = {
  req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: safeUrl(req.url) }),
  // the status alone: the response's header set (a dozen security headers) on every line cost more than the rest of it
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};

/**
 * JSON logs, one line per event, request-scoped in the API; the health probe is not logged.
 * A request is logged by its id, method and URL, secret query values replaced: never its
 * headers (tokens, cookies) nor anything a client slipped into the query string; a response by
 * its status.
 */
export const LoggingModule = LoggerModule.forRootAsync({
  inject: [AppConfig],
  useFactory: (config: AppConfig) => ({
    pinoHttp: {
      level: config.LOG_LEVEL,
      serializers: ACCESS_LOG,
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
    },
  }),
});
