// Email → its domain as a company key. Free-mail domains say nothing about the
// company (two reps' contacts both on vip.qq.com are not one customer) and are
// not keys. The list is the maintained `email-providers` package (8,700+
// providers worldwide), plus the regional and paid variants it misses (REGIONAL
// below), plus the team's own domains (claim policy `freeMailDomains`). A
// subdomain of a free-mail provider (vip.163.com, vip.sina.com) counts as it.
import PROVIDERS from 'email-providers/all.json';

/** Free-mail domains seen in CRMs of teams in China, Taiwan and Hong Kong that the package lacks. */
const REGIONAL = ['sina.com.cn', 'vip.sina.com.cn', 'sohu.com', '139.com', '189.cn', 'wo.cn', 'hinet.net', 'msa.hinet.net', 'seed.net.tw', 'pchome.com.tw', 'netvigator.com', 'yahoo.com.hk', 'yahoo.com.tw', 'vip.163.com', 'vip.126.com', 'vip.188.com'];

const FREE_MAIL: ReadonlySet<string> = new Set([...(PROVIDERS as string[]), ...REGIONAL].map((d) => d.toLowerCase()));

/** Is this domain (or a parent of it) a free-mail provider, by the list or the team's own additions? */
export function isFreeMail(domain: string, teamDomains: readonly string[] = []): boolean {
  const team = new Set(teamDomains.map((d) => d.toLowerCase()));
  const labels = domain.toLowerCase().split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const d = labels.slice(i).join('.');
    if (FREE_MAIL.has(d) || team.has(d)) return true;
  }
  return false;
}

/** The email's domain, lower-case; null when not an address or free mail. */
export function emailDomain(email: string | null | undefined, teamFreeMail: readonly string[] = []): string | null {
  if (!email) return null;
  const m = /^[^\s@]+@([^\s@]+\.[^\s@]+)$/.exec(email.normalize('NFKC').trim().toLowerCase());
  if (!m?.[1]) return null;
  const domain = m[1].replace(/\.$/, '');
  return isFreeMail(domain, teamFreeMail) ? null : domain;
}
