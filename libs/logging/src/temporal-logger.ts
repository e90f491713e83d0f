import type { Logger as TemporalLogger, LogLevel, LogMetadata } from '@temporalio/common';
import pino from 'pino';

const LEVELS: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/** The Temporal SDK's own log lines (worker state, activity and workflow logs) as JSON too. */
export function temporalLogger(level: string): TemporalLogger {
  const logger = pino({ level, base: { pid: process.pid, context: 'temporal' } });
  const at =
    (lvl: LogLevel) =>
    (message: string, meta?: LogMetadata): void =>
      logger[LEVELS[lvl]]({ ...meta }, message);
  return {
    log: (lvl, message, meta) => at(lvl)(message, meta),
    trace: at('TRACE'),
    debug: at('DEBUG'),
    info: at('INFO'),
    warn: at('WARN'),
    error: at('ERROR'),
  };
}
