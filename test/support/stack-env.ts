// How global-setup hands the servers it started to the test files.
export const STACK_ENV = {
  adminDatabaseUrl: 'CARAVAN_TEST_ADMIN_DATABASE_URL',
  temporalAddress: 'CARAVAN_TEST_TEMPORAL_ADDRESS',
} as const;
