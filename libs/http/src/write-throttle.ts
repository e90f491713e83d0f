import { createHash } from 'node:crypto';
import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { RequestErrors } from './request.errors';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Writes are rate-limited per caller (their bearer token, else their address); reads are
 * not. Past the limit a 429 in the problem+json every refusal has, with Retry-After.
 */
@Injectable()
export class WriteThrottleGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return READS.has(context.switchToHttp().getRequest<{ method: string }>().method);
  }

  protected override async getTracker(req: { headers: Record<string, string | undefined>; ip?: string }): Promise<string> {
    const token = req.headers.authorization?.replace(/^Bearer /, '');
    return token ? `token:${createHash('sha256').update(token).digest('base64url').slice(0, 22)}` : `address:${req.ip}`;
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw RequestErrors.TOO_MANY(
      `too many changes at once: at most ${detail.limit} a minute; try again in ${Math.ceil(detail.timeToBlockExpire)} s`,
    );
  }
}
