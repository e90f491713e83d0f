// Tracing (OpenTelemetry): the apps call startTracing first of all; the Temporal client and
// worker take their interceptors from here. The workflow half is bundled with the workflows
// (scripts/bundle-workflows.ts).
export * from './tracing';
// types only: the SDK's code loads with startTracing, when on
export type { SpanLine } from './file-span-exporter';
export * from './temporal-tracing';
export * from './tracing.module';
