import { describe, expect, it } from 'vitest';
import { publicParty } from './party.ts';

describe('publicParty', () => {
  it('shows organisations, masks people', () => {
    expect(publicParty('张掖市甘州区宏达市政工程队')).toBe('张掖市甘州区宏达市政工程队');
    expect(publicParty('甘州农商银行北街支行')).toBe('甘州农商银行北街支行');
    expect(publicParty('王桂芳')).toBe('王**');
    expect(publicParty('欧阳娜娜')).toBe('欧***');
    expect(publicParty('李店')).toBe('李*'); // too short to be an organisation's registered name
  });
});
