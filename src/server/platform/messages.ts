/**
 * The catalogue of user-facing error codes: HTTP status and the message in zh-CN and English.
 * Adding a code here is the only way to add an error the user can see.
 */
export const messages = {
  BAD_REQUEST: { status: 400, zh: '请求格式不正确', en: 'The request is malformed' },
  INVALID_JSON: { status: 400, zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  VALIDATION_FAILED: { status: 400, zh: '输入有误：{detail}', en: 'Invalid input: {detail}' },
  BODY_TOO_LARGE: { status: 413, zh: '上传内容过大', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  NOT_FOUND: { status: 404, zh: '未找到', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please log in' },
  BAD_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  FORBIDDEN: { status: 403, zh: '没有权限', en: 'You do not have permission' },
  OUT_OF_SCOPE: { status: 403, zh: '超出您的管辖范围', en: 'This is outside your area' },
  CSRF_FAILED: { status: 403, zh: '页面已过期，请刷新后重试', en: 'The page has expired; reload and try again' },
  RATE_LIMITED: { status: 429, zh: '操作过于频繁，请 {seconds} 秒后再试', en: 'Too many attempts; try again in {seconds} s' },
  WEAK_PASSWORD: { status: 400, zh: '新密码至少 8 位，且须包含字母和数字', en: 'The new password needs at least 8 characters with letters and digits' },
  WRONG_PASSWORD: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  CONFLICT: { status: 409, zh: '数据已被他人修改，请刷新后重试', en: 'Someone else changed this; reload and try again' },
  DUPLICATE_CODE: { status: 409, zh: '编码重复：{code}', en: 'Duplicate code: {code}' },
  DUPLICATE_ID_NUMBER: { status: 409, zh: '身份证号已登记', en: 'This ID number is already registered' },
  BAD_ID_NUMBER: { status: 400, zh: '身份证号无效（{reason}）', en: 'Invalid ID number ({reason})' },
  BAD_CODE: { status: 400, zh: '区划或网格编码无效：{code}', en: 'Invalid division or grid code: {code}' },
  BAD_COORDINATES: { status: 400, zh: '坐标无效或超出范围', en: 'Coordinates are invalid or out of range' },
  BAD_CRS: { status: 400, zh: '不支持的坐标系：{crs}（可用 wgs84、gcj02、bd09）', en: 'Unknown coordinate system: {crs} (use wgs84, gcj02, bd09)' },
  BAD_GEOMETRY: { status: 400, zh: '图形无效：{reason}', en: 'Invalid geometry: {reason}' },
  GEOMETRY_OVERLAP: { status: 400, zh: '图形与相邻区域重叠：{other}', en: 'The shape overlaps its neighbour: {other}' },
  IMPORT_FAILED: { status: 400, zh: '导入失败：{count} 行有错误，未导入任何数据', en: 'Import failed: {count} rows have errors; nothing was imported' },
  BAD_FILE: { status: 400, zh: '无法读取文件：{reason}', en: 'Cannot read the file: {reason}' },
  DATA_DIR_LOCKED: { status: 409, zh: '数据目录 {dir} 正被另一个进程（PID {pid}）使用', en: 'The data directory {dir} is in use by another process (PID {pid})' },
  RESTORE_TARGET_NOT_EMPTY: { status: 409, zh: '恢复目标不是空库', en: 'The restore target is not empty' },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

/** Every error code a client can receive. */
export type ErrorCode = keyof typeof messages;
