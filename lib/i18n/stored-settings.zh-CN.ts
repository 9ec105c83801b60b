// 浏览器中保存的设置无法读取时的界面文字（简体）：键与 stored-settings.en.ts 相同。
import type { storedSettingsEn } from './stored-settings.en';

export const storedSettingsZhCN: Record<keyof typeof storedSettingsEn, string> = {
  'storedSettings.heading': '部分已保存的设置无法读取',
  'storedSettings.newer': '{setting}：由更新版本的 Baton 保存，当前版本无法读取。现使用默认值；修改该设置之前，已保存的值会保留。',
  'storedSettings.unfit': '{setting}：保存的值已损坏。在您修改该设置之前使用默认值。',
  'storedSettings.sidebarLayout': '侧边栏布局（宽度、收起、推移或浮层）',
  'storedSettings.uiLocale': '语言',
  'storedSettings.customAdapters': '自定义 CRM 适配器',
};
