// The four imitations by Baton's kind names.
import type { WebhookKind } from '@/lib/webhooks/config-schema';
import { dingtalkRobot } from './dingtalk';
import { feishuBot } from './feishu';
import type { Imitation, ImitationOptions } from './receiver';
import { slackWebhook } from './slack';
import { wecomRobot } from './wecom';

export const IMITATIONS: Record<WebhookKind, (o?: ImitationOptions) => Promise<Imitation>> = { dingtalk: dingtalkRobot, feishu: feishuBot, slack: slackWebhook, wecom: wecomRobot };
export type { Imitation, ImitationOptions };
