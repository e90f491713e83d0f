import { createHash } from 'node:crypto';
import { CallHandler, createParamDecorator, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { from, lastValueFrom, Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { AppConfig } from '@caravan/config';
import type { Actor } from '@caravan/access';
import { IdempotencyErrors } from './idempotency.errors';
import { RequestErrors } from '@caravan/http';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

/**
 * The request's Idempotency-Key, for handlers whose effect happens elsewhere (a workflow
 * update): passed on, it makes a retry of an answer lost in transit find the first outcome.
 */
export const IdempotencyKey = createParamDecorator((_: unknown, context: ExecutionContext): string | undefined => {
  const key = context.switchToHttp().getRequest<Request>().headers[IDEMPOTENCY_HEADER];
  return typeof key === 'string' ? key : undefined;
});
const KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * `Idempotency-Key` on a POST: the first request with a key runs and its 2xx answer is kept;
 * a repeat with the same body gets that answer again (header `Idempotent-Replayed: true`),
 * one with another body a 422, one while the first still runs a 409. A refused first
 * request keeps nothing, so the client may correct it and retry with the same key; one
 * abandoned mid-way (the process died) is run again by a repeat after
 * IDEMPOTENCY_ABANDONED_AFTER_SECONDS.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const key = request.headers[IDEMPOTENCY_HEADER];
    if (request.method !== 'POST' || key === undefined || !request.actor) return next.handle();
    if (typeof key !== 'string' || !KEY.test(key)) {
      throw RequestErrors.INVALID_IDEMPOTENCY_KEY('Idempotency-Key must be 1–200 visible ASCII characters', 'Idempotency-Key');
    }
    return from(this.once(request, context.switchToHttp().getResponse<Response>(), request.actor, key, next));
  }

  private async once(request: Request, response: Response, actor: Actor, key: string, next: CallHandler): Promise<unknown> {
    const scope = actor.userId;
    const hash = createHash('sha256')
      .update(`${request.method} ${request.path}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    // A first request that never finished (its API process died) is taken over by a repeat
    // once it is older than any request runs; until then a repeat is told to retry.
    const claimed = await this.dataSource.query(
      `INSERT INTO idempotency_keys (scope, key, method, path, request_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (scope, key) DO UPDATE SET created_at = now()
        WHERE idempotency_keys.completed_at IS NULL AND idempotency_keys.request_hash = EXCLUDED.request_hash
          AND idempotency_keys.created_at < now() - make_interval(secs => $6)
       RETURNING key`,
      [scope, key, request.method, request.path, hash, this.config.IDEMPOTENCY_ABANDONED_AFTER_SECONDS],
    );
    // The route's own status (201 or 200) is sent again on a replay: only 2xx answers are kept.
    if (claimed.length === 0) return this.replay(response, scope, key, hash);

    try {
      const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.dataSource.query(`UPDATE idempotency_keys SET response = $3, completed_at = now() WHERE scope = $1 AND key = $2`, [
        scope,
        key,
        JSON.stringify(result ?? null),
      ]);
      return result;
    } catch (error) {
      await this.dataSource.query('DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2', [scope, key]);
      throw error;
    }
  }

  private async replay(response: Response, scope: string, key: string, hash: string): Promise<unknown> {
    const [first] = await this.dataSource.query(
      'SELECT request_hash, completed_at, response FROM idempotency_keys WHERE scope = $1 AND key = $2',
      [scope, key],
    );
    if (!first) {
      throw IdempotencyErrors.IN_PROGRESS('a request with this Idempotency-Key was just refused or is finishing; retry', 'Idempotency-Key');
    }
    if (first.request_hash !== hash) {
      throw IdempotencyErrors.KEY_REUSED('this Idempotency-Key was used for a different request', 'Idempotency-Key');
    }
    if (first.completed_at === null) {
      throw IdempotencyErrors.IN_PROGRESS('the first request with this Idempotency-Key is still running', 'Idempotency-Key');
    }
    response.setHeader('Idempotent-Replayed', 'true');
    return first.response;
  }
}
