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
  RATE_LIMITED: {
    status: 429,
    zh: '操作过于频繁，请 {seconds} 秒后再试',
    en: 'Too many attempts; try again in {seconds} s',
  },
  WEAK_PASSWORD: {
    status: 400,
    zh: '新密码至少 8 位，且须包含字母和数字',
    en: 'The new password needs at least 8 characters with letters and digits',
  },
  WRONG_PASSWORD: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  USERNAME_TAKEN: { status: 409, zh: '用户名已被使用：{username}', en: 'The username is taken: {username}' },
  SCOPE_LEVEL: { status: 400, zh: '该角色须绑定到{level}', en: 'This role must be bound to {levelEn}' },
  CONFLICT: {
    status: 409,
    zh: '数据已被他人修改，请刷新后重试',
    en: 'Someone else changed this; reload and try again',
  },
  DUPLICATE_CODE: { status: 409, zh: '编码重复：{code}', en: 'Duplicate code: {code}' },
  DUPLICATE_ID_NUMBER: { status: 409, zh: '身份证号已登记', en: 'This ID number is already registered' },
  BAD_ID_NUMBER: { status: 400, zh: '身份证号无效（{reason}）', en: 'Invalid ID number ({reason})' },
  BAD_CODE: { status: 400, zh: '区划或网格编码无效：{code}', en: 'Invalid division or grid code: {code}' },
  BAD_COORDINATES: { status: 400, zh: '坐标无效或超出范围', en: 'Coordinates are invalid or out of range' },
  BAD_CRS: {
    status: 400,
    zh: '不支持的坐标系：{crs}（可用 wgs84、gcj02、bd09）',
    en: 'Unknown coordinate system: {crs} (use wgs84, gcj02, bd09)',
  },
  BAD_GEOMETRY: { status: 400, zh: '图形无效：{reason}', en: 'Invalid geometry: {reason}' },
  GEOMETRY_OVERLAP: { status: 400, zh: '图形与相邻区域重叠：{other}', en: 'The shape overlaps its neighbour: {other}' },
  IMPORT_FAILED: {
    status: 400,
    zh: '导入失败：{count} 行有错误，未导入任何数据',
    en: 'Import failed: {count} rows have errors; nothing was imported',
  },
  BAD_FILE: { status: 400, zh: '无法读取文件：{reason}', en: 'Cannot read the file: {reason}' },
  DATA_DIR_LOCKED: {
    status: 409,
    zh: '数据目录 {dir} 正被另一个进程（PID {pid}）使用',
    en: 'The data directory {dir} is in use by another process (PID {pid})',
  },
  RESTORE_TARGET_NOT_EMPTY: { status: 409, zh: '恢复目标不是空库', en: 'The restore target is not empty' },
  CASE_UNKNOWN_CATEGORY: { status: 400, zh: '未知的案件类别：{code}', en: 'Unknown case category: {code}' },
  CASE_LOCATION_REQUIRED: {
    status: 400,
    zh: '请提供位置（定位、地图选点或带位置的照片）',
    en: 'A location is needed (phone location, a tap on the map, or a photo with GPS)',
  },
  CASE_OUTSIDE_AREA: { status: 400, zh: '该位置不在任何社区范围内', en: 'This location is outside every community' },
  CASE_ILLEGAL_TRANSITION: {
    status: 409,
    zh: '案件当前状态为“{status}”，不能执行“{action}”',
    en: 'The case is {status}; “{action}” is not possible now',
  },
  CASE_TOP_LEVEL: {
    status: 409,
    zh: '案件已在区级处理，无法继续上报',
    en: 'The case is already with the district; it cannot go higher',
  },
  CASE_EXTENSION_PENDING: {
    status: 409,
    zh: '已有延期申请待审批',
    en: 'An extension request is already waiting for approval',
  },
  CASE_NO_EXTENSION: { status: 409, zh: '没有待审批的延期申请', en: 'There is no extension request to decide' },
  CASE_BAD_TARGET: { status: 400, zh: '派遣对象无效', en: 'Invalid dispatch target' },
  CASE_BAD_RATING: { status: 400, zh: '评分须为 1–5 分', en: 'The rating must be 1–5' },
  CASE_TOO_MANY_PHOTOS: { status: 400, zh: '最多上传 {max} 张照片', en: 'At most {max} photos' },
  CASE_HELP_NOT_ELIGIBLE: {
    status: 403,
    zh: '一键求助仅面向登记为独居老人的居民',
    en: 'One-press help is for residents registered as elderly living alone',
  },
  CASE_RATE_LIMITED: {
    status: 429,
    zh: '提交过于频繁，请 {seconds} 秒后再试',
    en: 'Too many submissions; try again in {seconds} s',
  },
  PHOTO_NOT_IMAGE: { status: 415, zh: '文件“{name}”不是可识别的图片', en: 'The file “{name}” is not an image' },
  PHOTO_TOO_LARGE: { status: 413, zh: '照片“{name}”超过 {mb} MB', en: 'The photo “{name}” is larger than {mb} MB' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    zh: '同一幂等键已用于不同的提交',
    en: 'This Idempotency-Key was already used for a different submission',
  },
  OPEN311_BAD_API_KEY: { status: 403, zh: 'api_key 无效', en: 'Invalid api_key' },
  PATROL_CLOSED: { status: 409, zh: '巡查已结束', en: 'The patrol has ended' },
  OSM_CORRUPT: {
    status: 400,
    zh: 'OSM 文件已损坏或不完整，未导入任何数据',
    en: 'The OSM file is corrupt or truncated; nothing was imported',
  },
  OSM_UNSUPPORTED: {
    status: 415,
    zh: 'OSM 文件使用了不支持的压缩或特性，未导入任何数据',
    en: 'The OSM file uses an unsupported compression or feature; nothing was imported',
  },
  OSM_NO_WALKWAYS: {
    status: 422,
    zh: 'OSM 数据中没有可步行的道路，未导入任何数据',
    en: 'The OSM data contains no walkable ways; nothing was imported',
  },
  GRAPH_CACHE_INVALID: {
    status: 500,
    zh: '路网缓存无效或版本不符，请重新导入',
    en: 'The stored walking graph is invalid or of another version; import it again',
  },
  CIRCLE_UNKNOWN_CATEGORY: {
    status: 400,
    zh: '未知或空的设施类别：“{code}”',
    en: 'Unknown or empty facility category: “{code}”',
  },
  CIRCLE_UNKNOWN_NETWORK: { status: 404, zh: '未找到路网：{name}', en: 'No walking network named {name}' },
  CIRCLE_BAD_NETWORK_NAME: {
    status: 400,
    zh: '路网名称只能包含小写字母、数字、- 和 _（最多 40 个字符）',
    en: 'A network name may use lower-case letters, digits, - and _ (at most 40 characters)',
  },
  CIRCLE_POINT_FAR: {
    status: 422,
    zh: '该位置距离最近的步行道路超过 {metres} 米',
    en: 'This point is more than {metres} m from any walkable path',
  },
  CIRCLE_UNKNOWN_FACILITY: { status: 404, zh: '未找到设施：{id}', en: 'No such facility: {id}' },
  CIRCLE_EMPTY_NETWORK: {
    status: 422,
    zh: '该社区没有可步行的道路数据，请先导入路网',
    en: 'This community has no walkable network yet; import one first',
  },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
  // Open311 conformance and privacy (task open311).
  OPEN311_API_KEY_REQUIRED: { status: 403, zh: '需要 api_key', en: 'An api_key is required' },
  OPEN311_UNKNOWN_SERVICE: { status: 404, zh: '未知的服务：{code}', en: 'Unknown service_code: {code}' },
  OPEN311_ATTRIBUTE_REQUIRED: {
    status: 400,
    zh: '缺少必填属性：{codes}',
    en: 'Required attributes missing: {codes}',
  },
  OPEN311_ATTRIBUTE_INVALID: { status: 400, zh: '属性 {code} 的值无效', en: 'Invalid value for attribute {code}' },
  OPEN311_LOCATION_REQUIRED: {
    status: 400,
    zh: '需要位置：lat 和 long，或 address_string，或 address_id',
    en: 'A location is required: lat and long, or address_string, or address_id',
  },
  OPEN311_JURISDICTION_REQUIRED: {
    status: 400,
    zh: '本接口服务多个辖区：请提供 jurisdiction_id 或 api_key',
    en: 'This endpoint serves several jurisdictions: give a jurisdiction_id or an api_key',
  },
  OPEN311_UNKNOWN_JURISDICTION: { status: 404, zh: '未知的辖区：{id}', en: 'Unknown jurisdiction_id: {id}' },
  OPEN311_JURISDICTION_MISMATCH: {
    status: 403,
    zh: 'jurisdiction_id 不属于该 api_key 的辖区',
    en: 'The jurisdiction_id is outside the api_key’s jurisdiction',
  },
  OPEN311_ORIGIN_NOT_ALLOWED: {
    status: 403,
    zh: '该 api_key 不允许来自此网页来源的提交',
    en: 'This api_key does not allow submissions from this web origin',
  },
  OPEN311_BAD_PARAMETER: { status: 400, zh: '参数 {name} 无效', en: 'Invalid parameter {name}' },
  // auth (privacy/security items 9–11): first-login password change, password rules, first administrator
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    zh: '请先修改密码：该密码由他人设置，修改后才能继续使用',
    en: 'Change your password first: it was set by someone else',
  },
  PASSWORD_TOO_COMMON: {
    status: 400,
    zh: '该密码过于常见，容易被猜中，请换一个',
    en: 'This password is too common and easy to guess; choose another',
  },
  PASSWORD_CONTAINS_USERNAME: {
    status: 400,
    zh: '密码不能包含用户名',
    en: 'The password must not contain the username',
  },
  PASSWORD_REUSED: {
    status: 400,
    zh: '新密码不能与当前密码相同',
    en: 'The new password must differ from the current one',
  },
  ADMIN_NO_DISTRICT: {
    status: 400,
    zh:
      '数据库中还没有区县：创建第一个管理员时请同时创建区县，' + '加上 --district <6位区划代码> --district-name <名称>',
    en:
      'There is no district yet: create it with the first administrator by adding ' +
      '--district <6-digit code> --district-name <name>',
  },
  ADMIN_DISTRICT_UNKNOWN: {
    status: 400,
    zh: '区县 {code} 不存在；已有区县：{codes}',
    en: 'There is no district {code}; existing districts: {codes}',
  },
  // runtime (robustness: database outages, background jobs)
  DB_UNAVAILABLE: {
    status: 503,
    zh: '数据库暂时不可用，请稍后重试',
    en: 'The database is temporarily unavailable; please try again shortly',
  },
  // robustness (input): text the database cannot store, a malformed header, a calendar year not on file
  INVALID_TEXT: {
    status: 400,
    zh: '{where} 含有无法保存的字符（NUL 或不成对的代理字符）',
    en: '{where} contains characters that cannot be stored (NUL or an unpaired surrogate)',
  },
  BAD_HEADER: { status: 400, zh: '请求头 {name} 格式不正确', en: 'The {name} header is malformed' },
  CALENDAR_BAD_YEAR: {
    status: 400,
    zh: '{year} 年节假日表有误：{date}（{reason}）',
    en: 'The {year} holiday table is invalid: {date} ({reason})',
  },
  // circle helper (robustness issue items 3 and 13): decompression caps, CLI on a fresh data directory.
  OSM_TOO_LARGE: {
    status: 413,
    zh: 'OSM 文件解压后超过上限（{what} 超过 {limitMB} MB），已停止读取',
    en: 'The OSM file inflates beyond the limit ({what} over {limitMB} MB); reading stopped',
  },
  CLI_NO_COMMUNITY: {
    status: 400,
    zh: '数据库中还没有社区。请先运行 `npx linli seed-demo`（演示社区 东湖社区），或先导入本社区的台账后再用 --community <代码> 指定',
    en:
      'The database has no community yet. Run `npx linli seed-demo` first (the demo community 东湖社区), ' +
      'or set up your community and pass --community <code>',
  },
  CLI_COMMUNITY_REQUIRED: {
    status: 400,
    zh: '数据库中有 {count} 个社区，请用 --community <代码> 指定其一：{codes}',
    en: 'The database has {count} communities; choose one with --community <code>: {codes}',
  },
  CLI_UNKNOWN_COMMUNITY: {
    status: 404,
    zh: '数据库中没有代码为 {code} 的社区（现有：{codes}）。新数据目录请先运行 `npx linli seed-demo`',
    en:
      'No community with code {code} in this database (there are: {codes}). ' +
      'On a new data directory run `npx linli seed-demo` first',
  },
  CLI_NO_ACCOUNT: {
    status: 403,
    zh: '社区 {code} 没有可代为操作的社区工作人员账号：请用 --user <用户名> 指定一个账号，或先运行 `npx linli seed-demo` 建立演示账号',
    en:
      'Community {code} has no community-staff account to act as: pass --user <username>, ' +
      'or run `npx linli seed-demo` first for the demo accounts',
  },
  CLI_UNKNOWN_USER: {
    status: 403,
    zh: '没有用户名为 {username} 的账号',
    en: 'No account with the username {username}',
  },
  // concurrency (robustness #10): keyset pagination
  BAD_CURSOR: {
    status: 400,
    zh: '分页游标无效，请从第一页重新加载',
    en: 'Invalid page cursor; reload from the first page',
  },
  // consult (全过程协商, task consult): topics, votes, projects
  CONSULT_SCOPE_UNKNOWN: {
    status: 404,
    zh: '社区 {community} 中没有这个范围（{kind} {id}）',
    en: 'No such scope ({kind} {id}) in community {community}',
  },
  CONSULT_BAD_STAGE: {
    status: 409,
    zh: '议题不能从“{from}”进入“{to}”：{why}',
    en: 'The topic cannot move from {from} to {to}: {why}',
  },
  CONSULT_WRONG_STAGE: {
    status: 409,
    zh: '议题处于“{stage}”阶段，此操作需要“{need}”阶段',
    en: 'The topic is at stage {stage}; this needs stage {need}',
  },
  CONSULT_ROLL_INCOMPLETE: {
    status: 409,
    zh: '登记簿中单元 {unit} 没有业主或专有面积，不能发起业主共同决定表决',
    en: 'Unit {unit} has no owner or exclusive area in the register: an owners’ vote cannot be opened',
  },
  CONSULT_AREA_MISMATCH: {
    status: 409,
    zh: '范围内登记的专有面积合计 {sum} m²，与申报的总面积 {declared} m² 不符，不能发起表决',
    en: 'The registered exclusive areas of the scope add up to {sum} m², not the declared {declared} m²',
  },
  CONSULT_VOTE_CLOSED: {
    status: 409,
    zh: '表决已截止（{at}），结果不能再改变',
    en: 'The vote closed at {at}; its result can no longer change',
  },
  CONSULT_VOTE_NOT_OPEN: {
    status: 409,
    zh: '表决尚未开始（{at} 开始）',
    en: 'The vote has not opened yet (opens at {at})',
  },
  CONSULT_ALREADY_VOTED: {
    status: 409,
    zh: '该{who}已经投过票（{channel}），每位业主/每户只能投一票，线上与纸质不能重复',
    en: 'This {who} has already voted ({channel}): one ballot each, never both online and on paper',
  },
  CONSULT_NOT_IN_SCOPE: {
    status: 403,
    zh: '该住户不在本次表决的范围（{scope}）内',
    en: 'This household is not in the scope of the vote ({scope})',
  },
  CONSULT_NOT_OWNER: {
    status: 403,
    zh: '业主共同决定只能由登记簿上的业主本人在线投票；其他家庭成员请由业主投票或提交纸质表决票',
    en: 'Only the registered owner may vote online on an owners’ decision; others vote through the owner or on paper',
  },
  CONSULT_UNIT_NO_OWNER: {
    status: 409,
    zh: '单元 {unit} 在登记簿中没有业主，不能投票',
    en: 'Unit {unit} has no owner in the register and cannot vote',
  },
  CONSULT_SERIAL_USED: {
    status: 409,
    zh: '纸质表决票编号 {serial} 已经录入过',
    en: 'Paper ballot serial {serial} has already been entered',
  },
  CONSULT_RECEIPT_UNKNOWN: {
    status: 404,
    zh: '没有与该回执码对应的选票',
    en: 'No ballot matches this receipt code',
  },
  CONSULT_NOT_APPROVED: {
    status: 409,
    zh: '议题尚无通过的表决，不能立项',
    en: 'The topic has no passed vote: no project can be started',
  },
  CONSULT_BAD_FILE: {
    status: 400,
    zh: '文件不是 PNG、JPEG、SVG 或 PDF：{name}',
    en: 'The file is not a PNG, JPEG, SVG or PDF: {name}',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

/** Every error code a client can receive. */
export type ErrorCode = keyof typeof messages;
