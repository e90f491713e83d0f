import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { CreateIdempotencyKeys1764144500000 } from './idempotency.migration';
import { IdempotencyPrivileges1764146100000 } from './idempotency-privileges.migration';

export const IDEMPOTENCY_MIGRATIONS = [CreateIdempotencyKeys1764144500000, IdempotencyPrivileges1764146100000];

/** Honours Idempotency-Key on every authenticated POST of the API. */
@Module({ providers: [{ provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }] })
export class IdempotencyModule {}
