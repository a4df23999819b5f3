/** The one phone rule (code health issue, item 3): mobiles 13x–19x with 11 digits, landlines with area code. */
import { describe, expect, it } from 'vitest';
import { isPhone, MOBILE_PATTERN } from './phone.ts';

describe('phone numbers', () => {
  it('accepts mobiles 13x–19x and landlines with area code, refuses the rest', () => {
    for (const ok of ['13912345678', '19900001111', '0936-8211234', '09368211234', '010-12345678', '0108211234'])
      expect(isPhone(ok), ok).toBe(true);
    for (const bad of ['12912345678', '1391234567', '139123456789', '936-8211234', '0936-821123', ' 13912345678', ''])
      expect(isPhone(bad), bad).toBe(false);
  });

  it('the mobile pattern finds numbers inside text', () => {
    const inText = new RegExp(`(?<!\\d)${MOBILE_PATTERN}(?!\\d)`, 'g');
    expect('call 13912345678 or 139123456789'.match(inText)).toEqual(['13912345678']);
  });
});
