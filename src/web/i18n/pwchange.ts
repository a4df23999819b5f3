/** Strings of the first-login password change (`pwchange` section of both language files). */
export const pwchangeZh = {
  title: '请设置您自己的密码',
  why: '您的密码是由管理员设置的。为保护居民信息，请先改为只有您自己知道的新密码，然后才能继续使用。',
  current: '管理员给您的密码',
  next: '新密码',
  confirm: '再次输入新密码',
  rule: '至少 8 位，须包含字母和数字；不能是常见密码（如 woaini1314、qq123456），也不能包含用户名。',
  mismatch: '两次输入的新密码不一致',
  weak: '新密码至少 8 位，且须包含字母和数字',
  submit: '保存并继续',
  submitting: '正在保存…',
  logout: '退出登录',
};

export const pwchangeEn: typeof pwchangeZh = {
  title: 'Choose your own password',
  why:
    'Your password was set by an administrator. To protect residents’ data, replace it with a new password ' +
    'only you know before you go on.',
  current: 'Password you were given',
  next: 'New password',
  confirm: 'New password again',
  rule:
    'At least 8 characters with letters and digits; not a common password (such as qq123456) ' +
    'and not containing your username.',
  mismatch: 'The new passwords differ',
  weak: 'The new password needs at least 8 characters with letters and digits',
  submit: 'Save and continue',
  submitting: 'Saving…',
  logout: 'Log out',
};
