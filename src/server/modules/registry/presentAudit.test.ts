/** Audit rows: what is stored (scrubAudit) and what the auditor is shown (maskAuditValue). */
import { describe, expect, it } from 'vitest';
import { scrubAudit } from '../../platform/audit.ts';
import { maskAuditValue } from './presentAudit.ts';

const ID = '62070219800101001X';

describe('scrubAudit (what the log stores)', () => {
  it('masks ID numbers under their keys, at any depth and inside text, and drops secrets', () => {
    const out = scrubAudit({
      id_number: ID,
      rows: [{ idNumber: ID.toLowerCase() }],
      note: `证件 ${ID} 已核对`,
      password_hash: '$argon2id$…',
      at: '2026-11-27',
    });
    expect(JSON.stringify(out)).not.toMatch(/\d{17}[\dXx]/);
    expect(out).toEqual({
      id_number: '**************001X',
      rows: [{ idNumber: '**************001X' }],
      note: '证件 **************001X 已核对',
      at: '2026-11-27',
    });
  });
});

describe('maskAuditValue (what the auditor sees)', () => {
  it('gives an age instead of the birth date, masks phones and a child’s name', () => {
    const adult = { name: '王五', birth_date: '1980-01-01', phone: '13912345678', id_number: ID };
    expect(maskAuditValue(adult, '2026-11-27')).toEqual({
      name: '王五',
      age: 46,
      phone: '139****5678',
      id_number: '**************001X',
    });
    const child = { name: '王小五', birthDate: '2018-06-01' };
    expect(maskAuditValue([child], '2026-11-27')).toEqual([{ name: '王**', age: 8 }]);
  });

  it('masks a reporter and numbers written into notes', () => {
    const v = { reporter_name: '李四', reporter_phone: '13800001111', note: '请回电 13800001111' };
    expect(maskAuditValue(v, '2026-11-27')).toEqual({
      reporter_name: '李*',
      reporter_phone: '138****1111',
      note: '请回电 138****1111',
    });
  });
});
