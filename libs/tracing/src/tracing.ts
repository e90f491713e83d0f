import { loadTracingConfig, TracingConfig } from '@caravan/config';
import type { ActiveTracing } from './sdk';

let active: ActiveTracing | undefined;

/** On when an exporter is named, and OpenTelemetry's own switch does not say otherwise. */
export function tracingWanted(config: TracingConfig): boolean {
  const exporter = config.TRACE_FILE ?? config.OTEL_EXPORTER_OTLP_ENDPOINT ?? config.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  return exporter !== undefined && config.OTEL_SDK_DISABLED !== 'true';
}

/**
 * Starts OpenTelemetry when configured. It must run before anything loads http or pg (their
 * instrumentations patch the modules as they load), hence each app's first import. A bad
 * variable stops the boot like any other configuration error.
 */
export function startTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env): void {
  const config = loadTracingConfig(env);
  if (active || !tracingWanted(config)) return;
  // Loaded only when on: a process that does not trace loads none of the SDK.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startSdk } = require('./sdk') as typeof import('./sdk');
  active = startSdk(config, serviceName);
}

/** startTracing for an app's first import: a bad tracing variable ends the boot with its sentence, not a stack trace. */
export function startTracingOrExit(serviceName: string): void {
  try {
    startTracing(serviceName);
  } catch (error: unknown) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

/** The running tracing, or undefined when off. */
export function activeTracing(): ActiveTracing | undefined {
  return active;
}

/** Sends the spans still batched (OTLP) and stops; a process that ends with process.exit must call it first. */
export async function stopTracing(): Promise<void> {
  await active?.shutdown();
}
