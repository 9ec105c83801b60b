// UI strings of drafting by the team's own model (issue 19 item 4), Traditional Chinese.
import type { draftingEn } from './drafting.en';

export const draftingZhTW: Record<keyof typeof draftingEn, string> = {
  'drafting.heading': '起草模型',
  'drafting.intro': 'Baton 可用團隊自己的大型語言模型，根據交接包中的跟進紀錄和備註起草「贏單原因」和「期望與成功指標」。支援任何相容 OpenAI 介面的服務（如用 vLLM 或 Ollama 自建的通義千問、DeepSeek、GLM，或雲端服務商）。交接包內容只會傳送到這個位址。不設定也不影響其他功能。',
  'drafting.enabled': '啟用起草',
  'drafting.endpoint': '介面基底位址（…/v1）',
  'drafting.model': '模型名稱',
  'drafting.apiKey': 'API 金鑰',
  'drafting.keySet': '已設定金鑰。留空則保留原金鑰。',
  'drafting.removeKey': '刪除金鑰',
  'drafting.save': '儲存',
  'drafting.saved': '已儲存。',
  'drafting.adminOnly': '只有管理員可以修改起草模型。',
  
  'drafting.draft': '用團隊模型起草',
  'drafting.working': '團隊模型 {model} 正在起草…（可能需要一分鐘）',
  'drafting.draftTitle': '{model} 起草的草稿：採用前不會寫入交接包。請逐條核實。',
  'drafting.use': '採用草稿',
  'drafting.discard': '捨棄',
  'drafting.onlyEmpty': '已填寫的內容保持不變；草稿只填入空白欄位，並加入其中的目標。',
  'drafting.rawText': '模型沒有按欄位作答，原文如下：',
  'drafting.failed': '未能起草：{error}交接包沒有任何變更。',
  'drafting.notSynced': '起草需要交接包已在伺服器上：請先登入並等待同步。',
  'error.drafting_off': '你的團隊尚未設定起草模型（管理員可在選項頁設定）。',
  'error.model_unreachable': '無法連線團隊的起草模型。請在選項頁檢查其位址。',
  'error.model_timeout': '團隊的起草模型在 {seconds} 秒內沒有回應。',
  'error.model_refused': '團隊的起草模型拒絕了請求（回傳 {upstreamStatus}）；請檢查模型名稱和金鑰。',
  'error.model_answer': '團隊的起草模型回傳了無法讀取的內容（位址是否為相容 OpenAI 介面服務的 /v1 基底位址？）。',
};
