/** Strings of the public pages (no login): disclosures, published results. */
export const publicZh = {
  title: '邻里 · 公开信息',
  intro: '这里公开社区基金的收支、表决结果等信息，无需登录即可查看和下载核验。',
  signIn: '登录邻里',
  notFound: '没有这个公开页面。',
};

/** English strings of the public pages; same keys as publicZh. */
export const publicEn: typeof publicZh = {
  title: 'Linli · Public information',
  intro: "The community fund's income and spending, vote results and more, open to everyone without signing in.",
  signIn: 'Sign in to Linli',
  notFound: 'There is no such public page.',
};
