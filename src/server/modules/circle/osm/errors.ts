/** Error codes of the circle module (mapped to HTTP status / messages by the platform error handler). */
export type CircleErrorCode =
  | 'OSM_CORRUPT'
  | 'OSM_UNSUPPORTED'
  | 'OSM_NO_WALKWAYS'
  | 'OSM_TOO_LARGE'
  | 'GRAPH_CACHE_INVALID';

const MESSAGES: Record<CircleErrorCode, { zh: string; en: string }> = {
  OSM_CORRUPT: { zh: 'OSM 文件已损坏或不完整', en: 'The OSM file is corrupt or truncated' },
  OSM_UNSUPPORTED: {
    zh: 'OSM 文件使用了不支持的压缩或特性',
    en: 'The OSM file uses an unsupported compression or feature',
  },
  OSM_NO_WALKWAYS: { zh: 'OSM 数据中没有可步行的道路', en: 'The OSM data contains no walkable ways' },
  OSM_TOO_LARGE: {
    zh: 'OSM 文件解压后超过上限，已停止读取',
    en: 'The OSM file inflates beyond the limit; reading stopped',
  },
  GRAPH_CACHE_INVALID: {
    zh: '路网缓存文件无效或版本不符',
    en: 'The walking-graph cache file is invalid or of another version',
  },
};

/**
 * Typed error of the circle module. Carries a stable `code`, both language messages and a technical
 * `detail` (English, for logs). Expected failures are returned as values ({@link Result}), not thrown.
 */
export class CircleError extends Error {
  readonly messageZh: string;
  readonly messageEn: string;
  constructor(
    readonly code: CircleErrorCode,
    readonly detail = '',
    /** For OSM_TOO_LARGE: which cap was hit and its size in bytes. */
    readonly cap?: { readonly what: 'blob' | 'file'; readonly limit: number },
  ) {
    const m = MESSAGES[code];
    super(detail === '' ? m.en : `${m.en}: ${detail}`);
    this.name = 'CircleError';
    this.messageZh = m.zh;
    this.messageEn = m.en;
  }
}

/** Success or a typed failure. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CircleError };
