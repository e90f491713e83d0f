import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppConfig } from '../../../libs/config/src';
import { ProblemDetailsFilter, strictValidationPipe } from '../../../libs/http/src';
import { ApiModule } from './api.module';

/** The API with everything main.ts and the tests share: logs, errors, validation, OpenAPI. */
export async function createApiApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create(ApiModule.register(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(strictValidationPipe());
  app.enableShutdownHooks();

  const openApi = new DocumentBuilder()
    .setTitle('Caravan API')
    .setDescription('Supply-chain finance: receivables, warehouse receipts, financing, ledger and reconciliation. Errors are application/problem+json with a stable `code`.')
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'POST /auth/login for a token' })
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
