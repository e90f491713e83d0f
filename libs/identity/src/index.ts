export * from './identity.module';
export * from './application/identity.service';
export * from './application/organisation-directory';
export { PersonDirectory } from './application/person-directory';
export type { PersonName } from './application/person-directory';
export * from './domain/identity.errors';
