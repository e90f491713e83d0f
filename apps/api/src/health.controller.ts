import { BeforeApplicationShutdown, Controller, Get, HttpCode, HttpStatus, Injectable, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '@caravan/access';
import { AppConfig } from '@caravan/config';
import { pendingMigrations } from '@caravan/database';

type Check = 'up' | 'down';

/** How long one readiness answer serves every caller: a burst of probes costs the database and Temporal one check. */
const READY_CACHE_MS = 1000;

async function probe(check: () => Promise<unknown>, timeoutMs = 2000): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs)));
  try {
    await Promise.race([check(), timeout]);
    return 'up';
  } catch {
    return 'down';
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether this process should be sent traffic. On SIGTERM it says no for SHUTDOWN_DRAIN_SECONDS
 * while still serving, so a load balancer drains it; then Nest closes the HTTP server, which
 * lets the requests in flight finish, and only then the database and Temporal connections.
 */
@Injectable()
export class Readiness implements BeforeApplicationShutdown {
  draining = false;

  constructor(private readonly config: AppConfig) {}

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.draining = true;
    // a plain close (tests, a failed boot) has nobody to drain from
    if (signal) await new Promise((resolve) => setTimeout(resolve, this.config.SHUTDOWN_DRAIN_SECONDS * 1000));
  }
}

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  private cached?: { at: number; checks: Promise<Record<string, Check>> };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly temporal: Client,
    private readonly readiness: Readiness,
  ) {}

  @Get()
  @HttpCode(200)
  @ApiOkResponse({
    description: 'PostgreSQL and Temporal both answer',
    schema: { example: { status: 'up', checks: { database: 'up', temporal: 'up' } } },
  })
  @ApiServiceUnavailableResponse({ description: 'one of them does not' })
  async health(@Res({ passthrough: true }) res: Response): Promise<Health> {
    const [database, temporal] = await Promise.all([this.database(), this.temporalUp()]);
    return answer(res, { database, temporal });
  }

  /** Liveness: the process answers. Nothing else, so an outage of PostgreSQL or Temporal never gets it restarted. */
  @Get('live')
  @HttpCode(200)
  @ApiOkResponse({ schema: { example: { status: 'up' } } })
  live(): { status: Check } {
    return { status: 'up' };
  }

  /** Readiness: PostgreSQL and Temporal answer, no migration is pending, and the process is not shutting down. */
  @Get('ready')
  @HttpCode(200)
  @ApiOkResponse({
    description: 'ready for traffic',
    schema: { example: { status: 'up', checks: { database: 'up', temporal: 'up', migrations: 'up', shutdown: 'up' } } },
  })
  @ApiServiceUnavailableResponse({ description: 'a check is down: the load balancer sends no traffic here' })
  async ready(@Res({ passthrough: true }) res: Response): Promise<Health> {
    // draining is read every time: a load balancer sees it at its next check, not a second later
    return answer(res, { ...(await this.dependencies()), shutdown: this.readiness.draining ? 'down' : 'up' });
  }

  /** PostgreSQL, Temporal and the schema, asked at most once a READY_CACHE_MS; callers meanwhile share the answer. */
  private dependencies(): Promise<Record<string, Check>> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at >= READY_CACHE_MS) {
      const checks = Promise.all([this.database(), this.temporalUp(), this.migrationsApplied()]);
      this.cached = { at: now, checks: checks.then(([database, temporal, migrations]) => ({ database, temporal, migrations })) };
    }
    return this.cached.checks;
  }

  private migrationsApplied(): Promise<Check> {
    return probe(async () => {
      if ((await pendingMigrations(this.dataSource.manager)).length > 0) throw new Error('pending');
    });
  }

  private database(): Promise<Check> {
    return probe(() => this.dataSource.query('SELECT 1'));
  }

  /** The namespace described: the server answers and this process's namespace exists. */
  private temporalUp(): Promise<Check> {
    return probe(() => this.temporal.workflowService.describeNamespace({ namespace: this.temporal.options.namespace }));
  }
}

interface Health {
  status: Check;
  checks: Record<string, Check>;
}

/** 503 when a check is down; the body names the checks, never why (no address, no error text). */
function answer(res: Response, checks: Record<string, Check>): Health {
  const status: Check = Object.values(checks).every((c) => c === 'up') ? 'up' : 'down';
  if (status === 'down') res.status(HttpStatus.SERVICE_UNAVAILABLE);
  return { status, checks };
}
