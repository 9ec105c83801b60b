// UI strings of drafting by the team's own model (issue 19 item 4), Simplified Chinese.
import type { draftingEn } from './drafting.en';

export const draftingZhCN: Record<keyof typeof draftingEn, string> = {
  'drafting.heading': '起草模型',
  'drafting.intro': 'Baton 可用团队自己的大语言模型，根据交接包中的跟进记录和备注起草“赢单原因”和“期望与成功指标”。支持任何兼容 OpenAI 接口的服务（如用 vLLM 或 Ollama 自建的通义千问、DeepSeek、GLM，或云服务商）。交接包内容只会发送到这个地址。不设置也不影响其他功能。',
  'drafting.enabled': '启用起草',
  'drafting.endpoint': '接口基地址（…/v1）',
  'drafting.model': '模型名称',
  'drafting.apiKey': 'API 密钥',
  'drafting.keySet': '已设置密钥。留空则保留原密钥。',
  'drafting.removeKey': '删除密钥',
  'drafting.save': '保存',
  'drafting.saved': '已保存。',
  'drafting.adminOnly': '只有管理员可以修改起草模型。',
  
  'drafting.draft': '用团队模型起草',
  'drafting.working': '团队模型 {model} 正在起草…（可能需要一分钟）',
  'drafting.draftTitle': '{model} 起草的草稿：采用前不会写入交接包。请逐条核实。',
  'drafting.use': '采用草稿',
  'drafting.discard': '丢弃',
  'drafting.onlyEmpty': '已填写的内容保持不变；草稿只填入空白字段，并添加其中的目标。',
  'drafting.rawText': '模型没有按字段作答，原文如下：',
  'drafting.failed': '未能起草：{error}交接包没有任何改动。',
  'drafting.notSynced': '起草需要交接包已在服务器上：请先登录并等待同步。',
  'error.drafting_off': '你的团队尚未设置起草模型（管理员可在选项页设置）。',
  'error.model_unreachable': '无法连接团队的起草模型。请在选项页检查其地址。',
  'error.model_timeout': '团队的起草模型在 {seconds} 秒内没有回应。',
  'error.model_refused': '团队的起草模型拒绝了请求（返回 {upstreamStatus}）；请检查模型名称和密钥。',
  'error.model_answer': '团队的起草模型返回了无法读取的内容（地址是否为兼容 OpenAI 接口服务的 /v1 基地址？）。',
};
