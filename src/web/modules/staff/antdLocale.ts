/**
 * antd's locale files are typed as CommonJS under NodeNext resolution (the default import is typed as the
 * module object), while Vite hands us the ES default. This unwraps either shape.
 */
import type { ConfigProviderProps } from 'antd';
import zhMod from 'antd/es/locale/zh_CN.js';
import enMod from 'antd/es/locale/en_US.js';

type Locale = NonNullable<ConfigProviderProps['locale']>;

function unwrap(m: unknown): Locale {
  const o = m as { default?: Locale } & Locale;
  return o.default ?? o;
}

/** antd locale for zh-CN. */
export const antdZhCN = unwrap(zhMod);
/** antd locale for English. */
export const antdEnUS = unwrap(enMod);
