// Email → its domain as a company key. Free-mail domains (gmail.com, qq.com,
// 163.com, …) say nothing about the company and are not keys.
export const FREE_MAIL_DOMAINS = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'yahoo.com.tw', 'yahoo.com.hk',
  'icloud.com', 'me.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.de', 'mail.com', 'yandex.com', 'zoho.com',
  'qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', 'sina.com', 'sina.cn', 'sohu.com', 'aliyun.com', '139.com', '189.cn',
  'wo.cn', 'tom.com', '21cn.com', 'hinet.net', 'msa.hinet.net', 'pchome.com.tw', 'seed.net.tw', 'naver.com', 'daum.net',
]);

export function emailDomain(email: string | null | undefined): string | null {
  if (!email) return null;
  const m = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/.exec(email.normalize('NFKC').trim().toLowerCase());
  if (!m?.[1]) return null;
  const domain = m[1].replace(/\.$/, '');
  return FREE_MAIL_DOMAINS.has(domain) ? null : domain;
}
