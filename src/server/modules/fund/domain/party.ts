/**
 * How a counterparty appears in public: an organisation (a company, a works team, a bank branch, a school…) is
 * shown as registered, since the public must see who was paid; anything else is taken as a person's name and
 * masked (`maskName`, docs/domain.md §6: names of residents and donors are personal information).
 */
import { maskName } from '../../../../shared/mask.ts';

const ORGANISATION =
  /(公司|工程队|施工队|服务部|合作社|银行|支行|分行|学校|中学|小学|幼儿园|医院|中心|商店|超市|店|厂|委员会|街道|社区|协会|基金会|研究院|局)$/;

/** The public form of a payee or donor. */
export function publicParty(name: string): string {
  const n = name.trim();
  return ORGANISATION.test(n) && Array.from(n).length > 4 ? n : maskName(n);
}
