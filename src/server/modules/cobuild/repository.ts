/** The cobuild module's SQL, split by subject under repository/. Callers pass the db or a transaction. */
export * from './repository/partners.ts';
export * from './repository/projects.ts';
export * from './repository/volunteers.ts';
export * from './repository/hours.ts';
export * from './repository/seed.ts';
