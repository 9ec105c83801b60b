// An activity's type from what the timeline shows: a label in the UI's language
// ("Logged call", "Anruf", "电话", "會議", "ミーティング") or an icon's name
// ("standard:log_a_call", "icon-email", "fa-phone"). A text that names no
// known type, or two types at once, is "other": the entry is still kept (its
// date and subject are facts), only its kind is not claimed.
// Sources: the activity types the CRMs name in their help pages (Salesforce
// Task/Event/Email/Log a Call; HubSpot Call/Email/Meeting/Note/Task; Pipedrive
// Call/Meeting/Task/Deadline/Email/Lunch; Dynamics Phone Call/Appointment/
// Email/Task/Note; Zoho Tasks/Events/Calls/Notes; Fxiaoke 跟进记录/电话/拜访).
import type { ActivityType } from './deal-extras';

// Latin words are matched as words (case-insensitive, `_`/`-`/`:` count as
// separators, so icon names match); CJK and kana terms as substrings.
const TERMS: [Exclude<ActivityType, 'other'>, string[]][] = [
  ['call', ['call', 'calls', 'logged call', 'log a call', 'log_a_call', 'phone', 'phone call', 'phonecall', 'anruf', 'telefonat', 'appel', 'llamada', 'ligação', 'chamada', 'telefonata', 'chiamata', 'gesprek', 'telefoon', '电话', '電話', '通话', '通話', '致电', '來電', '来电', '呼叫', '通話記録', '전화', '통화']],
  ['meeting', ['meeting', 'meetings', 'event', 'events', 'appointment', 'lunch', 'termin', 'besprechung', 'réunion', 'rendez-vous', 'reunión', 'reunião', 'riunione', 'afspraak', 'vergadering', '会议', '會議', '拜访', '拜訪', '面谈', '面談', '会面', '會面', '约见', 'ミーティング', '会議', '打ち合わせ', '商談', '행사', '회의', '미팅', 'calendar', 'event_occurrence']],
  ['email', ['email', 'emails', 'e-mail', 'mail', 'envelope', 'inbox', 'courriel', 'correo', '邮件', '郵件', '电子邮件', '電子郵件', 'メール', '이메일']],
  ['note', ['note', 'notes', 'annotation', 'notiz', 'notizen', 'nota', 'notas', 'notitie', '备注', '備註', '笔记', '筆記', '跟进记录', '跟進記錄', '跟进', '跟進', 'メモ', 'ノート', '메모', '노트']],
  ['task', ['task', 'tasks', 'to-do', 'todo', 'deadline', 'aufgabe', 'aufgaben', 'tâche', 'tarea', 'tarefa', 'attività', 'taak', '任务', '任務', '待办', '待辦', 'タスク', 'ToDo', '작업', '할 일', 'checkbox', 'check']],
];

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const words = (s: string) => ` ${s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;

/** The types a text names. */
function named(text: string): Set<ActivityType> {
  const w = words(text);
  const out = new Set<ActivityType>();
  for (const [type, terms] of TERMS) {
    for (const t of terms) {
      const hit = CJK.test(t) ? text.includes(t) : w.includes(words(t));
      if (hit) {
        out.add(type);
        break;
      }
    }
  }
  return out;
}

/** The activity type `text` names, or "other" when it names none or several. */
export function activityType(text: string | null | undefined): ActivityType {
  if (!text) return 'other';
  const found = named(text);
  return found.size === 1 ? [...found][0]! : 'other';
}
