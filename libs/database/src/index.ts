export * from './database.module';
export * from './migrate';
export * from './errors';
export * from './infrastructure/migration-state';
export * from './roles';
export * from './scoped-database';
import { DataScope1764146000000 } from './migrations/1764146000000-data-scope';

export const DATABASE_MIGRATIONS = [DataScope1764146000000];
export * from './listing';
