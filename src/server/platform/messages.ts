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
  // ingest (robustness #3): an OSM upload is cut at the upload cap while it streams to disk
  OSM_FILE_TOO_LARGE: {
    status: 413,
    zh: 'OSM 文件超过上传上限 {limitMB} MB，已停止接收，未保存任何内容',
    en: 'The OSM file is larger than the upload limit of {limitMB} MB; the upload was stopped and nothing was stored',
  },
  // cobuild helper (issue 12 items 1–2): partner units, claims, volunteers, QR check-in, time bank
  COBUILD_NEED_CLAIMED: {
    status: 409,
    zh: '该需求已被认领（{by}），不能重复认领',
    en: 'This need has already been claimed ({by}); it can be claimed once',
  },
  COBUILD_NEED_NOT_OPEN: {
    status: 409,
    zh: '该需求当前不可认领（{status}）',
    en: 'This need cannot be claimed ({status})',
  },
  COBUILD_PROJECT_DONE: { status: 409, zh: '项目已完成，不能再修改', en: 'The project is completed and cannot change' },
  COBUILD_EVIDENCE_MISSING: {
    status: 409,
    zh: '完成项目须至少有一张照片和一份服务对象签名',
    en: 'Completing a project needs at least one photo and one signature of a person served',
  },
  COBUILD_BAD_IMAGE: {
    status: 400,
    zh: '图片无效：须为 PNG 或 JPEG，不超过 {kb} KB',
    en: 'Invalid image: it must be a PNG or JPEG of at most {kb} KB',
  },
  COBUILD_NOT_RESIDENT: {
    status: 403,
    zh: '只有关联了居民档案的账号才能进行此操作',
    en: 'Only an account linked to a registered resident can do this',
  },
  COBUILD_ALREADY_REGISTERED: { status: 409, zh: '已登记，无需重复登记', en: 'Already registered' },
  COBUILD_NOT_VOLUNTEER: { status: 403, zh: '请先注册成为志愿者', en: 'Please sign up as a volunteer first' },
  COBUILD_ACTIVITY_CLOSED: {
    status: 409,
    zh: '活动已结束关闭，服务时长不能再修改',
    en: 'The activity is closed; its hours can no longer be changed',
  },
  COBUILD_NOT_SIGNED_UP: {
    status: 409,
    zh: '您没有报名此活动（或仍在候补名单中）',
    en: 'You are not signed up for this activity (or are still on the waiting list)',
  },
  COBUILD_CODE_INVALID: {
    status: 400,
    zh: '签到码无效或已过期（签到码每 30 秒更新，请扫描现场显示的最新二维码）',
    en: 'The check-in code is wrong or expired (it changes every 30 s; scan the code shown at the place now)',
  },
  COBUILD_CODE_REUSED: {
    status: 409,
    zh: '此签到码您已使用过，请等待下一个签到码',
    en: 'You have already used this code; wait for the next one',
  },
  COBUILD_TOO_EARLY: {
    status: 409,
    zh: '签到尚未开始：{opensAt} 起可签到',
    en: 'Check-in has not opened yet: it opens at {opensAt}',
  },
  COBUILD_TOO_LATE: {
    status: 409,
    zh: '已超过签到/签退时间（截至 {closedAt}）',
    en: 'Too late: it closed at {closedAt}',
  },
  COBUILD_NO_LOCATION: {
    status: 400,
    zh: '需要手机定位才能签到，请允许定位后重试',
    en: 'Check-in needs your phone’s location; allow location and try again',
  },
  COBUILD_TOO_FAR: {
    status: 409,
    zh: '您距活动地点约 {distance} 米，超出签到范围（{radius} 米）',
    en: 'You are about {distance} m from the place, beyond the check-in radius ({radius} m)',
  },
  COBUILD_ALREADY_CHECKED: {
    status: 409,
    zh: '已{what}，不能重复操作',
    en: 'Already {whatEn}; it counts once',
  },
  COBUILD_NOT_CHECKED_IN: { status: 409, zh: '尚未签到，不能签退', en: 'Not checked in yet; cannot check out' },
  COBUILD_INSUFFICIENT_HOURS: {
    status: 409,
    zh: '时间银行余额不足：余额 {balance} 分钟，需要 {asked} 分钟',
    en: 'Not enough time-bank balance: {balance} min available, {asked} min needed',
  },
  COBUILD_NOT_CREDITED: {
    status: 409,
    zh: '该志愿者在此活动还没有记录服务时长',
    en: 'No hours are recorded for this volunteer in this activity yet',
  },
  COBUILD_BAD_MINUTES: { status: 400, zh: '分钟数无效', en: 'Invalid number of minutes' },
  COBUILD_BAD_TIME: { status: 400, zh: '结束时间须晚于开始时间', en: 'The end must be after the start' },
  // care, notices, overview (issue 12, helper `care`)
  CARE_NOT_ON_LIST: {
    status: 404,
    zh: '此人不在关爱名单上（或已移出）',
    en: 'This person is not on the care list (or was taken off it)',
  },
  CARE_OUTSIDE_GRID: {
    status: 403,
    zh: '此人不住在您的网格内，不能由您登记走访',
    en: 'This person does not live in your grid: you cannot record a visit for them',
  },
  CARE_NOT_CARER: {
    status: 403,
    zh: '只有此人的关爱人员（本网格网格员和指派的志愿者、工作人员）可以这样做',
    en: "Only this person's carers (the grid worker of their grid and assigned volunteers or staff) may do this",
  },
  CARE_BAD_CARER: {
    status: 400,
    zh: '不能指派此账号：只能指派本社区的居民（志愿者）或社区工作人员账号',
    en: 'This account cannot be assigned: only residents (volunteers) or staff of the same community',
  },
  NOTICE_EMPTY_SCOPE: {
    status: 422,
    zh: '所选范围内没有住户，通知不会送达任何人，未发送',
    en: 'No household lies in the chosen scope: the notice would reach nobody and was not sent',
  },
  NOTICE_BAD_SCOPE: {
    status: 400,
    zh: '通知范围无效：{detail}',
    en: 'Invalid notice scope: {detail}',
  },
  NOTICE_NOT_URGENT: {
    status: 409,
    zh: '只有紧急通知需要网格员逐户告知',
    en: 'Only urgent notices are told household by household',
  },
  // fund (issue 10, items 6–9: ledger, verifiable log, expenses, disclosure)
  FUND_BAD_AMOUNT: {
    status: 400,
    zh: '金额无效：必须是以“分”为单位的非零整数，且不超过 1000 亿元（第 {line} 行）',
    en: 'Invalid amount: it must be a non-zero whole number of fen within ¥100 billion (line {line})',
  },
  FUND_TOO_MANY_LINES: {
    status: 400,
    zh: '一笔账务须有 2 至 50 条分录',
    en: 'A transaction needs 2 to 50 lines',
  },
  FUND_UNBALANCED: {
    status: 400,
    zh: '借贷不平：分录合计为 {sum} 分，应为 0',
    en: 'Unbalanced transaction: the lines sum to {sum} fen instead of 0',
  },
  FUND_UNKNOWN_ACCOUNT: {
    status: 400,
    zh: '没有科目 {account}',
    en: 'No fund account {account}',
  },
  FUND_MIXED_POOLS: {
    status: 400,
    zh: '维修资金专户专用，不能与其他资金在同一笔账务中混用（{accounts}）',
    en: 'A maintenance fund is ring-fenced and cannot be mixed with other money in one transaction ({accounts})',
  },
  FUND_PERIOD_CLOSED: {
    status: 409,
    zh: '会计期间 {period} 已结账，不能再记账（错账请在当前期间冲正）',
    en: 'Period {period} is closed; post a reversal in the current period instead',
  },
  FUND_INSUFFICIENT: {
    status: 409,
    zh: '余额不足：{account} 不能透支',
    en: 'Insufficient funds: {account} cannot be overdrawn',
  },
  FUND_SOURCE_CONFLICT: {
    status: 409,
    zh: '来源 {kind}/{ref} 已记过一笔不同的账务',
    en: 'Source {kind}/{ref} was already posted with different lines',
  },
  FUND_BAD_INPUT: {
    status: 400,
    zh: '账务信息无效：{field}',
    en: 'Invalid transaction: {field}',
  },
  FUND_NOT_FOUND: {
    status: 404,
    zh: '没有找到该记录',
    en: 'Not found',
  },
  FUND_INVOICE_USED: {
    status: 409,
    zh: '发票号码 {number} 已被使用过，同一张发票不能重复报销',
    en: 'Invoice number {number} has already been used; an invoice can be claimed only once',
  },
  FUND_SELF_APPROVAL: {
    status: 403,
    zh: '申请人不能审批自己的支出申请',
    en: 'The requester cannot approve their own expense',
  },
  FUND_NOT_COMMITTEE: {
    status: 403,
    zh: '只有本社区基金管理委员会成员可以审批',
    en: "Only members of the community fund's committee can approve",
  },
  FUND_ALREADY_APPROVED: {
    status: 409,
    zh: '您已审批过这笔支出',
    en: 'You have already approved this expense',
  },
  FUND_BAD_STATE: {
    status: 409,
    zh: '这笔支出当前状态为“{status}”，不能执行此操作',
    en: 'This expense is {status}; that step is not possible now',
  },
  FUND_IDEMPOTENCY_KEY: {
    status: 400,
    zh: '涉及资金的请求须带 Idempotency-Key 请求头（8–100 个字母、数字或 -_）',
    en: 'Money-moving requests need an Idempotency-Key header (8–100 letters, digits, - or _)',
  },
  FUND_IDEMPOTENCY_REUSED: {
    status: 422,
    zh: '这个 Idempotency-Key 已用于另一个请求',
    en: 'This Idempotency-Key was already used for a different request',
  },
  FUND_RECEIPT_REQUIRED: {
    status: 400,
    zh: '付款须上传收据照片（JPEG/PNG，≤ 5 MB）并填写发票号码',
    en: 'A payment needs a receipt photo (JPEG/PNG, ≤ 5 MB) and the invoice number',
  },
  FUND_BAD_PROOF: {
    status: 400,
    zh: '证明参数无效：树大小 {size}，序号或起点 {index}',
    en: 'Invalid proof request: tree size {size}, index or first size {index}',
  },
  FUND_NO_HEAD: {
    status: 404,
    zh: '该社区还没有发布签名树头',
    en: 'This community has not published a signed tree head yet',
  },
  FUND_CASE_NOT_LINKABLE: {
    status: 409,
    zh: '该事件不是“需要经费”上报到社区的待办事件，不能关联支出',
    en: 'This case was not escalated to the community as "needs money"; an expense cannot be linked to it',
  },
  // shop helper (issue 10, 甘州铺子): catalogue, till, stock, live-stream import, settlement
  SHOP_UNKNOWN_PRODUCT: { status: 400, zh: '商品不存在或已停售：{id}', en: 'Unknown or discontinued product: {id}' },
  SHOP_OUT_OF_STOCK: {
    status: 409,
    zh: '库存不足：{name}（{location} 现有 {qty}，需要 {need}）',
    en: 'Not enough stock: {name} ({qty} at {location}, {need} needed)',
  },
  SHOP_DISCOUNT_TOO_LARGE: {
    status: 400,
    zh: '折扣不能超过应收金额',
    en: 'The discount cannot exceed the amount due',
  },
  SHOP_CASH_SHORT: { status: 400, zh: '实收现金少于应收金额', en: 'The cash received is less than the total' },
  SHOP_REFUND_TOO_MUCH: {
    status: 409,
    zh: '退货数量超过可退数量（第 {line} 行）',
    en: 'More returned than is left to refund (line {line})',
  },
  SHOP_DUPLICATE_SKU: { status: 409, zh: '商品编码或条码已存在：{code}', en: 'The SKU or barcode exists: {code}' },
  SHOP_IDEMPOTENCY_MISMATCH: {
    status: 422,
    zh: '该 Idempotency-Key 已用于另一笔不同的请求',
    en: 'This Idempotency-Key was used for a different request',
  },
  SHOP_COMMUNITY_REQUIRED: {
    status: 400,
    zh: '请用 community 参数指定社区（12 位代码）',
    en: 'Choose a community with the community parameter (12-digit code)',
  },
  SHOP_PERIOD_BAD: {
    status: 400,
    zh: '结算期间无效（起止日期、最长一年）',
    en: 'Invalid period (dates, one year at most)',
  },
  SHOP_PERIOD_OPEN: {
    status: 409,
    zh: '期间尚未结束，不能结算（截止日须早于今天）',
    en: 'The period has not ended yet (its last day must be before today)',
  },
  SHOP_PERIOD_OVERLAP: {
    status: 409,
    zh: '与已结算期间 {from}–{to} 重叠',
    en: 'Overlaps the settled period {from}–{to}',
  },
  SHOP_FUND_UNAVAILABLE: {
    status: 503,
    zh: '社区基金账本尚未接入，无法结算',
    en: 'The community fund ledger is not connected; cannot settle',
  },
  SHOP_IMPORT_COLUMNS: {
    status: 400,
    zh: '导出文件缺少列：{columns}（请检查该平台的列映射）',
    en: 'The export lacks the columns: {columns} (check the column mapping of this platform)',
  },
  SHOP_PHOTO_BAD: {
    status: 400,
    zh: '照片须为 JPEG、PNG 或 WebP，且不超过 5 MB',
    en: 'Photos must be JPEG, PNG or WebP, 5 MB at most',
  },
  SHOP_BAD_LOCATION: { status: 400, zh: '库位名称无效', en: 'Invalid stock location' },
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
