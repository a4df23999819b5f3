/** The cobuild use cases, split by subject under service/: load → authorise → decide → save + audit → present. */
export * from './service/partners.ts';
export * from './service/projects.ts';
export * from './service/volunteers.ts';
export * from './service/checkin.ts';
export * from './service/hours.ts';
export * from './service/reports.ts';
