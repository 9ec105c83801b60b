// Message shapes of the team chat tools' incoming webhooks.
export type WebhookKind = 'wecom' | 'dingtalk' | 'feishu' | 'slack';

export interface Notice {
  event: 'packet.submitted' | 'packet.returned' | 'packet.accepted' | 'claim.expiring' | 'claim.expiring.escalated' | 'claims.digest' | 'conflict.opened' | 'conflict.ruled' | 'csm.requested' | 'expansion.opportunity';
  title: string;
  lines: string[];
  url?: string;
}

export function formatNotice(kind: WebhookKind, n: Notice): unknown {
  const text = [n.title, ...n.lines, ...(n.url ? [n.url] : [])].join('\n');
  switch (kind) {
    case 'wecom':
      return { msgtype: 'markdown', markdown: { content: [`**${n.title}**`, ...n.lines.map((l) => `> ${l}`), ...(n.url ? [`[${n.url}](${n.url})`] : [])].join('\n') } };
    case 'dingtalk':
      return { msgtype: 'markdown', markdown: { title: n.title, text: [`### ${n.title}`, ...n.lines.map((l) => `- ${l}`), ...(n.url ? [`[${n.url}](${n.url})`] : [])].join('\n') } };
    case 'feishu':
      return { msg_type: 'text', content: { text } };
    case 'slack':
      return { text };
  }
}
