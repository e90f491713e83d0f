import 'reflect-metadata';
import { isIP } from 'node:net';
import { plainToInstance, Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  Validate,
  ValidateIf,
  validateSync,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address or a CIDR block (203.0.113.0/24, fd00::/8), or one of Express's names for a range. */
function isProxyAddress(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

@ValidatorConstraint({ name: 'trustProxy' })
class TrustProxyRule implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value !== 'string') return false;
    if (/^\d+$/.test(value)) return Number(value) >= 1 && Number(value) <= 10;
    return value.split(',').every((entry) => isProxyAddress(entry.trim()));
  }

  defaultMessage(): string {
    return 'must be the number of proxies before the API (1 to 10) or a comma-separated list of their addresses or CIDR blocks (loopback, 10.0.0.0/8 ...)';
  }
}

/** What the workflow thread holds with an empty cache: the bundle's modules and the SDK (about 70 MiB live in the bench). */
const WORKFLOW_HEAP_BASE_MIB = 96;

/** The least workflow heap (TEMPORAL_WORKFLOW_HEAP_MIB) that holds this many cached workflows: a MiB each above the base. */
export function workflowHeapNeeded(cachedWorkflows: number): number {
  return WORKFLOW_HEAP_BASE_MIB + cachedWorkflows;
}

/** The environment every app reads, validated once at boot. */
export class AppConfig {
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL!: string;

  @Matches(/^[^\s:/]+:\d{1,5}$/, { message: 'must be host:port of the Temporal frontend, e.g. localhost:7233' })
  TEMPORAL_ADDRESS!: string;

  @IsOptional()
  @IsString()
  TEMPORAL_NAMESPACE = 'default';

  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'must be a task queue name (letters, digits, . _ -)' })
  TEMPORAL_TASK_QUEUE = 'caravan';

  // Temporal with TLS (self-hosted with mutual TLS, or Temporal Cloud): the names of Temporal's
  // own client environment configuration, so one set of variables serves the CLI and the apps.
  /** true: TLS even without a certificate or key below (a server with a public certificate). */
  @IsOptional()
  @IsIn(['true', 'false'])
  TEMPORAL_TLS?: 'true' | 'false';

  /** PEM file of the CA that signed the Temporal frontend's certificate (default: the system's CAs). */
  @IsOptional()
  @IsString()
  TEMPORAL_TLS_SERVER_CA_CERT_PATH?: string;

  /** The name the frontend's certificate carries, when it differs from the host in TEMPORAL_ADDRESS. */
  @IsOptional()
  @Matches(/^[\w.-]{1,253}$/, { message: 'must be a host name' })
  TEMPORAL_TLS_SERVER_NAME?: string;

  /** PEM files of this process's client certificate and key (mutual TLS); both or neither. */
  @ValidateIf((c: AppConfig) => c.TEMPORAL_TLS_CLIENT_KEY_PATH !== undefined)
  @IsString({ message: 'must be set with TEMPORAL_TLS_CLIENT_KEY_PATH' })
  TEMPORAL_TLS_CLIENT_CERT_PATH?: string;

  @ValidateIf((c: AppConfig) => c.TEMPORAL_TLS_CLIENT_CERT_PATH !== undefined)
  @IsString({ message: 'must be set with TEMPORAL_TLS_CLIENT_CERT_PATH' })
  TEMPORAL_TLS_CLIENT_KEY_PATH?: string;

  /** A Temporal Cloud API key; implies TLS. */
  @IsOptional()
  @IsString()
  TEMPORAL_API_KEY?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** The address the API listens on: this machine only, unless a deployment says otherwise (0.0.0.0 in a container). */
  @IsOptional()
  @Matches(/^[\w.:-]{1,253}$/, { message: 'must be an address to listen on, e.g. 127.0.0.1 or 0.0.0.0' })
  HOST = '127.0.0.1';

  /**
   * Which proxies before the API may name the client (X-Forwarded-For), as Express's 'trust
   * proxy' takes it: a hop count or their addresses. Unset: none, the connection's address is the
   * client's, so a client cannot pick the address that sign-in throttling and rate limits count.
   */
  @IsOptional()
  @Validate(TrustProxyRule)
  TRUST_PROXY?: string;

  /**
   * The API's Prometheus metrics (GET /metrics) on a listener of their own, never the public
   * port: they are platform-wide, every bank's volumes, so no load balancer routes to them.
   * Unset: not served.
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  METRICS_PORT?: number;

  /** The worker's Temporal SDK metrics (task latencies, workflow cache, activity failures) and its business counters; unset: none. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  WORKER_METRICS_PORT?: number;

  /**
   * On SIGTERM the API answers 503 on /health/ready this long while still serving, so a load
   * balancer's health check takes it out of rotation before it stops taking connections.
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60)
  SHUTDOWN_DRAIN_SECONDS = 2;

  /** On SIGTERM the worker lets its running activities finish this long before cancelling them. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(300)
  SHUTDOWN_GRACE_SECONDS = 8;

  /** The address both metrics listeners bind: this machine only unless the scraper runs elsewhere. */
  @IsOptional()
  @Matches(/^[\w.:-]{1,253}$/, { message: 'must be an address to listen on, e.g. 127.0.0.1' })
  METRICS_HOST = '127.0.0.1';

  /** How long a request may take to arrive whole (a statement upload included), in seconds. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(5)
  @Max(3600)
  HTTP_REQUEST_TIMEOUT_SECONDS = 300;

  /** How long a client may take to send a request's headers, in seconds: a slow-headers client is cut off. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(120)
  HTTP_HEADERS_TIMEOUT_SECONDS = 20;

  /**
   * Workflows a worker keeps in memory between their tasks; the rest are replayed when they
   * wake. About half a megabyte each (the bench's worker with 1,000 cached): loans sleep for
   * days between wake-ups, so the cache buys little and a small one keeps the worker flat.
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  TEMPORAL_MAX_CACHED_WORKFLOWS = 50;

  /**
   * The old-generation heap, in MiB, of the thread the worker runs its workflows in. The SDK
   * sets that thread no bound, and V8 then lets the garbage of every run created or replayed
   * pile up for hundreds of MiB before it collects; bounded, it collects sooner. It must hold
   * the cache: at least WORKFLOW_HEAP_BASE_MIB and a MiB per cached workflow.
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(WORKFLOW_HEAP_BASE_MIB)
  TEMPORAL_WORKFLOW_HEAP_MIB = 192;

  /** One business day of the financing workflows, in ms; tests shrink it so a loan runs in seconds. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(10)
  FINANCING_DAY_MS = 86_400_000;

  /** Financing workflows continue as new past this many history events (tests lower it). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(100)
  FINANCING_HISTORY_LIMIT?: number;

  /**
   * How long a trial's quote holds: through this many business dates after the trial's, to the
   * end of the last one in BUSINESS_TIMEZONE (2: a quote of Monday holds to Wednesday midnight).
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(30)
  FINANCING_QUOTE_VALID_DAYS = 2;

  /** Signs access tokens (HMAC-SHA256); at least 32 characters of secret. */
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  AUTH_TOKEN_SECRET!: string;

  /** How long a token lives, and the most any token may: one claiming longer is refused. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(60)
  @Max(86400)
  AUTH_TOKEN_TTL_SECONDS = 900;

  /** Secrets a rotation replaced, comma-separated: their tokens verify until they expire; new ones are signed with AUTH_TOKEN_SECRET. */
  @IsOptional()
  @Matches(/^[^,\s]{32,}(,[^,\s]{32,})*$/, { message: 'must be secrets of at least 32 characters, separated by commas' })
  AUTH_TOKEN_PREVIOUS_SECRETS?: string;

  /** Roles whose people sign in with a one-time code besides their password, comma-separated; NONE: nobody must, anyone may. */
  @IsOptional()
  @Matches(/^NONE$|^[A-Z_]+(,[A-Z_]+)*$/, { message: 'must be role names separated by commas (e.g. APPROVER,TREASURY), or NONE' })
  AUTH_SECOND_FACTOR_ROLES = 'APPROVER,TREASURY';

  /** How long an API process trusts what it read of a person's session (active, not revoked), in seconds. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(60)
  AUTH_SESSION_CHECK_SECONDS = 5;

  /** When both are set and no operator admin exists yet, the API creates one at boot. */
  @IsOptional()
  @IsEmail()
  BOOTSTRAP_ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters' })
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  /** An Idempotency-Key whose first request has not finished after this long is presumed abandoned (its process died) and may run again. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  IDEMPOTENCY_ABANDONED_AFTER_SECONDS = 120;

  /** Matches at or above this confidence (0..1) are made by themselves; below it they are suggested. */
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(1)
  RECONCILIATION_AUTO_MATCH_CONFIDENCE = 0.9;

  /** The largest difference a person may write off when matching by hand, in the statement's currency. */
  @IsOptional()
  @Matches(/^\d{1,9}(\.\d{1,2})?$/, { message: 'must be a decimal amount such as 10.00' })
  RECONCILIATION_WRITE_OFF_TOLERANCE = '10.00';

  /** Changes (POST, PUT) one caller may make a minute; 0: no limit (benchmarks). */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  WRITE_RATE_LIMIT_PER_MINUTE = 600;

  /** The largest statement file taken, in bytes; an upload is spooled to a temporary file up to this. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1024)
  STATEMENT_MAX_BYTES = 200 * 1024 * 1024;

  /** Statements of one bank imported at the same time; more get a 429. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  STATEMENT_IMPORTS_PER_BANK = 2;

  /** When the daily reconciliation runs: a cron line, read in BUSINESS_TIMEZONE. */
  @IsOptional()
  @Matches(/^(\S+\s+){4}\S+$/, { message: 'must be a five-field cron line, e.g. "0 2 * * *"' })
  RECONCILIATION_SCHEDULE = '0 2 * * *';

  /** The banks' time zone: every business date (a trial's start, a value date, the report's ledger day) is a date there. */
  @IsOptional()
  @Matches(/^[A-Za-z_]+(\/[A-Za-z_+-]+){1,2}$|^UTC$/, { message: 'must be an IANA time zone such as Asia/Shanghai' })
  BUSINESS_TIMEZONE = 'Asia/Shanghai';

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';
}

/** What `npm run migrate` reads: the connection of the role that owns the tables. */
export class MigrationConfig {
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// connection URL of the role that owns the tables' })
  DATABASE_MIGRATION_URL!: string;
}

/**
 * Tracing (OpenTelemetry), read first of all (before the apps load http or pg): off unless an
 * exporter is named. Besides these, the SDK reads its other standard OTEL_* variables itself
 * (OTEL_TRACES_SAMPLER, OTEL_EXPORTER_OTLP_HEADERS, OTEL_BSP_SCHEDULE_DELAY ...).
 */
export class TracingConfig {
  /** An OTLP collector (HTTP, protobuf), e.g. http://localhost:4318: spans go to its /v1/traces. */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'must be the http(s):// URL of an OTLP collector, e.g. http://localhost:4318' })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  /** The traces' own collector URL (the whole URL, /v1/traces included), if not the one above. */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'must be the http(s):// URL of an OTLP traces endpoint' })
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;

  /** A file the spans are appended to, one JSON object a line (the tests read it back). */
  @IsOptional()
  @Matches(/^\S/, { message: 'must be a file path' })
  TRACE_FILE?: string;

  @IsOptional()
  @Matches(/^[\w.-]{1,100}$/, { message: 'must be a service name (letters, digits, . _ -)' })
  OTEL_SERVICE_NAME?: string;

  /** OpenTelemetry's own off switch: true turns tracing off whatever else is set. */
  @IsOptional()
  @IsIn(['true', 'false'])
  OTEL_SDK_DISABLED?: 'true' | 'false';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Secrets are never echoed back, not even in a refusal. */
function shown(name: string, value: unknown): string {
  return /SECRET|PASSWORD|_URL$|API_KEY|_ENDPOINT$/.test(name) ? '<hidden>' : JSON.stringify(value);
}

/** Reads and checks the environment; a bad or missing variable fails with every problem named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // renamed when every business date, not only reconciliation's, came to follow it
  if (env.RECONCILIATION_TIMEZONE)
    throw new ConfigError(['RECONCILIATION_TIMEZONE is now BUSINESS_TIMEZONE (every business date follows it): rename it']);
  const config = loadInto(AppConfig, env);
  if (config.METRICS_PORT !== undefined && config.METRICS_PORT === config.PORT)
    throw new ConfigError([`METRICS_PORT=${config.METRICS_PORT} must differ from PORT: the metrics are never served on the public port`]);
  const heapNeeded = workflowHeapNeeded(config.TEMPORAL_MAX_CACHED_WORKFLOWS);
  if (config.TEMPORAL_WORKFLOW_HEAP_MIB < heapNeeded)
    throw new ConfigError([
      `TEMPORAL_WORKFLOW_HEAP_MIB=${config.TEMPORAL_WORKFLOW_HEAP_MIB} cannot hold TEMPORAL_MAX_CACHED_WORKFLOWS=${config.TEMPORAL_MAX_CACHED_WORKFLOWS}: give it at least ${heapNeeded}`,
    ]);
  return config;
}

/** TRUST_PROXY as Express's 'trust proxy' setting: a hop count, the proxies' addresses, or none. */
export function trustedProxies(config: AppConfig): number | string[] | false {
  const value = config.TRUST_PROXY;
  if (!value) return false;
  return /^\d+$/.test(value) ? Number(value) : value.split(',').map((entry) => entry.trim());
}

export function loadTracingConfig(env: NodeJS.ProcessEnv = process.env): TracingConfig {
  return loadInto(TracingConfig, env);
}

export function loadMigrationConfig(env: NodeJS.ProcessEnv = process.env): MigrationConfig {
  return loadInto(MigrationConfig, env);
}

function loadInto<T extends object>(type: new () => T, env: NodeJS.ProcessEnv): T {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = plainToInstance(type, present, { excludeExtraneousValues: false });
  const errors = validateSync(config, { whitelist: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((e) => {
        const messages = Object.values(e.constraints ?? {});
        return e.value === undefined
          ? `${e.property} is required (${messages.join('; ')})`
          : `${e.property}=${shown(e.property, present[e.property])} ${messages.join('; ')}`;
      }),
    );
  }
  return config;
}
