/**
 * The registry's SQL: one named function per query, split by subject under repository/. Callers pass the db or a
 * transaction and import this file (or one of repository/*.ts directly).
 */
export * from './repository/places.ts';
export * from './repository/people.ts';
export * from './repository/audit.ts';
export * from './repository/links.ts';
export * from './repository/roll.ts';
