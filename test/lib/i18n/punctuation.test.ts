// Chinese text uses full-width punctuation and never doubles it: no ASCII
// , : ; ! ? ( ) between Chinese characters, no 。。 or ：：, in every zh-CN and
// zh-TW string (UI, errors, packet labels).
import { describe, expect, it } from 'vitest';
import { zhCN } from '@/lib/i18n/messages.zh-CN';
import { zhTW } from '@/lib/i18n/messages.zh-TW';
import { FIELD_LABELS, RULE_LABELS, SECTION_LABELS } from '@/lib/packet/labels';

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const HALF_WIDTH_BETWEEN = new RegExp(`[${CJK}]\\s*[,:;!?()]\\s*[${CJK}]|[${CJK}]\\s*\\([^)]*\\)|\\([^)]*\\)\\s*[${CJK}]`);
const DOUBLED = /([。，、：；！？])\1|[。，、：；！？][.,:;!?]|[.,:;!?][。，、：；！？]/;

function problems(texts: [string, string][]): string[] {
  return texts.filter(([, t]) => HALF_WIDTH_BETWEEN.test(t) || DOUBLED.test(t)).map(([k, t]) => `${k}: ${t}`);
}

describe('Chinese punctuation', () => {
  it('the checks catch what they should (the test can fail)', () => {
    expect(problems([['a', '保护天数(天)'], ['b', '完成。。'], ['c', '名称:值'], ['d', '好的：：'], ['e', '只能是 partner:NAME'], ['f', '保护天数（天）']])).toEqual(['a: 保护天数(天)', 'b: 完成。。', 'c: 名称:值', 'd: 好的：：']);
  });

  it.each([
    ['zh-CN', zhCN, 0],
    ['zh-TW', zhTW, 1],
  ] as const)('%s UI strings and labels', (_name, catalogue, i) => {
    const labels = [SECTION_LABELS, FIELD_LABELS, RULE_LABELS].flatMap((table) => Object.entries(table as Record<string, readonly string[]>).map(([k, v]): [string, string] => [k, v[i]!]));
    expect(problems([...Object.entries(catalogue), ...labels])).toEqual([]);
  });
});
