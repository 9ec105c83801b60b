// Host globs: "*" matches any run of characters within the host, so
// "*.pipedrive.com" matches "acme.pipedrive.com" and "crm.zoho.*" matches
// "crm.zoho.com.au". "*.x.com" also matches "x.com" itself.
export function matchHost(glob: string, host: string): boolean {
  const g = glob.toLowerCase();
  const h = host.toLowerCase();
  if (g.startsWith('*.') && h === g.slice(2)) return true;
  const re = new RegExp(`^${g.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\-]/g, '\\$&')).join('[a-z0-9.-]*')}$`);
  return re.test(h);
}
