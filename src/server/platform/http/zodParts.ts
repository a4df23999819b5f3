/**
 * zod building blocks the route files share (one definition each: they were copied into three or more
 * modules). Module-specific shapes stay in the module; paging is `pageQuery` in cursor.ts.
 */
import { z } from 'zod';
import { PHONE } from '../../../shared/phone.ts';

/** A UUID path or body id. */
export const uuid = z.uuid();

/** A place code: district 6, street 9, community 12, grid 14 or 15 digits (docs/domain.md). */
export const placeCode = z.string().regex(/^\d{6}(\d{3}(\d{3}(\d{2,3})?)?)?$/, 'a 6/9/12/14/15-digit code');

/** A community's 12-digit code. */
export const communityCode = z.string().regex(/^\d{12}$/, 'a 12-digit community code');

/** The language of messages in the answer. */
export const langEnum = z.enum(['zh-CN', 'en']);

/** The optional `lang` query field, to spread into a query object (`{ ...lang }`). */
export const lang = { lang: langEnum.optional() };

/** A calendar date `YYYY-MM-DD`. */
export const isoDate = z.iso.date();

/** A phone field (see src/shared/phone.ts), or null to clear it. */
export const phone = z.string().regex(PHONE, 'an 11-digit mobile or a landline').nullable();
