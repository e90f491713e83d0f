export * from './identity.module';
export * from './application/identity.service';
export * from './application/organisation-directory';
export * from './domain/identity.errors';
