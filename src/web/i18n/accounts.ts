/** Strings of the account administration page (`accounts` section of both language files). */
export const accountsZh = {
  nav: '账号管理',
  title: '账号管理',
  hint:
    '为本辖区内下级角色开通账号：网格员绑定到网格，居民绑定到本人的户籍信息。' +
    '停用或重置密码后，该账号的登录立即失效。',
  create: '新建账号',
  more: '只列出了前 {{count}} 个账号：账号更多，请按下级区域查看。',
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  scope: '所属区域',
  phone: '工作电话',
  status: '状态',
  enabled: '启用',
  disabled: '已停用',
  disable: '停用',
  enable: '启用',
  resetPassword: '重置密码',
  newPassword: '新密码',
  initialPassword: '初始密码',
  passwordRule: '至少 8 位，须包含字母和数字，不能是常见密码或包含用户名；对方首次登录时须改为自己的密码',
  resident: '居民（按姓名查找）',
  move: '调整网格',
  save: '保存',
  cancel: '取消',
  done: '已保存',
  search: '查找',
  required: '必填',
};

export const accountsEn: typeof accountsZh = {
  nav: 'Accounts',
  title: 'Accounts',
  hint:
    'Open accounts for the roles below yours in your area: grid workers belong to a grid, residents to their own ' +
    'register entry. Disabling or resetting a password ends that account’s sessions at once.',
  create: 'New account',
  more: 'Only the first {{count}} accounts are listed: there are more; open a smaller area.',
  username: 'Username',
  displayName: 'Name',
  role: 'Role',
  scope: 'Area',
  phone: 'Work phone',
  status: 'Status',
  enabled: 'Active',
  disabled: 'Disabled',
  disable: 'Disable',
  enable: 'Enable',
  resetPassword: 'Reset password',
  newPassword: 'New password',
  initialPassword: 'Initial password',
  passwordRule:
    'At least 8 characters with letters and digits, not a common password nor containing the username; ' +
    'they must choose their own at first login',
  resident: 'Resident (search by name)',
  move: 'Move to grid',
  save: 'Save',
  cancel: 'Cancel',
  done: 'Saved',
  search: 'Search',
  required: 'Required',
};
