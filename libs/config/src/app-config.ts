import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

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

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and checks the environment; a bad or missing variable fails with every problem named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const config = plainToInstance(AppConfig, present, { excludeExtraneousValues: false });
  const errors = validateSync(config, { whitelist: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((e) => {
        const messages = Object.values(e.constraints ?? {});
        return e.value === undefined
          ? `${e.property} is required (${messages.join('; ')})`
          : `${e.property}=${JSON.stringify(present[e.property])} ${messages.join('; ')}`;
      }),
    );
  }
  return config;
}
