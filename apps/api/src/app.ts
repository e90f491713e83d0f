import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { INestApplication } from '@nestjs/common';
import type { Express } from 'express';
import { static as serveStatic } from 'express';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppConfig, trustedProxies } from '@caravan/config';
import { enforceRequestDeadline, ProblemDetailsFilter, strictValidationPipe } from '@caravan/http';
import { ApiMetrics } from '@caravan/metrics';
import { ApiModule } from './api.module';
import { withErrorCodes } from './error-codes';

/** The API with everything main.ts and the tests share: logs, errors, validation, OpenAPI. */
export async function createApiApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.register(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.use(app.get(ApiMetrics).timeRequests);
  limitSlowClients(app.getHttpServer(), config);
  app.disable('x-powered-by');
  // req.ip (sign-in throttling, write limits) from X-Forwarded-For only when the connection comes from a trusted proxy
  app.set('trust proxy', trustedProxies(config));
  app.use(securityHeaders());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(strictValidationPipe());
  // SIGTERM: readiness says no, the server stops taking connections and finishes its requests, then the connections close and the process exits 0
  app.enableShutdownHooks(undefined, { useProcessExit: true });

  const openApi = new DocumentBuilder()
    .setTitle('Caravan API')
    .setDescription(
      'Supply-chain finance: receivables, warehouse receipts, financing, ledger and reconciliation. Errors are application/problem+json with a stable `code`, listed with their statuses in the ErrorCode schema.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'POST /auth/login for a token' })
    .build();
  SwaggerModule.setup('docs', app, () => withErrorCodes(SwaggerModule.createDocument(app, openApi)), {
    jsonDocumentUrl: 'docs/openapi.json',
  });
  servePortal(app.getHttpAdapter().getInstance());
  return app;
}

/**
 * Helmet's headers (nosniff, no framing, no referrer to other origins, HSTS behind TLS) and a
 * content security policy the portal and the OpenAPI page fit: their own scripts only, no
 * plugins, no frames; the OpenAPI page's inline styles allowed, and nothing else inline.
 */
function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
  });
}

/** A client that sends its headers or its body too slowly is cut off, not waited for. */
function limitSlowClients(server: Server, config: AppConfig): void {
  server.headersTimeout = config.HTTP_HEADERS_TIMEOUT_SECONDS * 1000;
  server.requestTimeout = config.HTTP_REQUEST_TIMEOUT_SECONDS * 1000; // Node's own, a backstop
  enforceRequestDeadline(server, config.HTTP_REQUEST_TIMEOUT_SECONDS);
}

/**
 * The web portal, built by `npm run build` into dist/portal, is static files under /portal/
 * (outside the API's guards: it signs in through the API like any client).
 */
function servePortal(server: Express): void {
  // dist/apps/api/src when built, apps/api/src when run from source (tests)
  const portal = [resolve(__dirname, '../../../portal'), resolve(__dirname, '../../../dist/portal')].find((dir) =>
    existsSync(join(dir, 'index.html')),
  );
  if (!portal) return;
  server.use(
    '/portal',
    serveStatic(portal, {
      index: 'index.html',
      maxAge: '1h',
      setHeaders: (res, path) => path.endsWith('index.html') && res.setHeader('cache-control', 'no-cache'),
    }),
  );
  server.get('/', (_req, res) => res.redirect('/portal/'));
}
