// 瀏覽器中儲存的設定無法讀取時的介面文字（繁體）：鍵與 stored-settings.en.ts 相同。
import type { storedSettingsEn } from './stored-settings.en';

export const storedSettingsZhTW: Record<keyof typeof storedSettingsEn, string> = {
  'storedSettings.heading': '部分已儲存的設定無法讀取',
  'storedSettings.newer': '{setting}：由較新版本的 Baton 儲存，目前版本無法讀取。現使用預設值；修改該設定之前，已儲存的值會保留。',
  'storedSettings.unfit': '{setting}：儲存的值已損毀。在您修改該設定之前使用預設值。',
  'storedSettings.sidebarLayout': '側邊欄版面（寬度、收合、推移或浮層）',
  'storedSettings.uiLocale': '語言',
  'storedSettings.customAdapters': '自訂 CRM 轉接器',
};
