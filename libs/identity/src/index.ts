export * from './identity.module';
export * from './api/auth.decorators';
export * from './application/identity.service';
export * from './application/organisation-directory';
export * from './domain/actor';
export * from './domain/organisation';
