// The chat tool adapters by kind.
import type { WebhookKind } from '@/lib/webhooks/config-schema';
import { dingtalk } from './dingtalk';
import { feishu } from './feishu';
import { slack } from './slack';
import type { ChatProvider } from './types';
import { wecom } from './wecom';

export const PROVIDERS: Record<WebhookKind, ChatProvider> = { dingtalk, feishu, slack, wecom };
