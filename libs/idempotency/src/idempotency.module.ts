import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { CreateIdempotencyKeys1764144500000 } from './idempotency.migration';

export const IDEMPOTENCY_MIGRATIONS = [CreateIdempotencyKeys1764144500000];

/** Honours Idempotency-Key on every authenticated POST of the API. */
@Module({ providers: [{ provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }] })
export class IdempotencyModule {}
