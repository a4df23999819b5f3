/** The consult module's SQL, split by subject under repository/. */
export * from './repository/topics.ts';
export * from './repository/votes.ts';
export * from './repository/projects.ts';
