import { describe, expect, it } from 'vitest';
import { ENUM_LABELS, FIELD_LABELS, RULE_LABELS, SECTION_LABELS, DETAIL_LABELS, detailLabel } from '@/lib/packet/labels';
import { RULE_IDS } from '@/lib/packet/checklist-rules';
import { SECTIONS } from '@/lib/packet/sections';

const simplifiedOnly = /[们这关联系户险进录务读页签载项审阅单测试时间动题准规则决总结员额币约应评荐]/;

describe('packet labels', () => {
  it('every section, field, list column, enum value and rule has a label in all three languages', () => {
    const need: [Record<string, readonly string[]>, string][] = [];
    for (const s of SECTIONS) {
      need.push([SECTION_LABELS, s.id]);
      for (const b of s.blocks) {
        if (b.type === 'field') {
          need.push([FIELD_LABELS, b.path]);
          for (const o of b.options ?? []) need.push([ENUM_LABELS, o]);
        } else {
          need.push([FIELD_LABELS, b.list]);
          for (const f of b.fields) {
            need.push([FIELD_LABELS, `${b.list}.${f.key}`]);
            for (const o of f.options ?? []) need.push([ENUM_LABELS, o]);
          }
        }
      }
    }
    for (const r of RULE_IDS) need.push([RULE_LABELS, r]);
    for (const [table, key] of need) {
      const tri = table[key];
      expect(tri, key).toBeDefined();
      tri!.forEach((text) => expect(text.trim(), key).not.toBe(''));
    }
  });

  it('Traditional labels use no Simplified-only characters', () => {
    for (const table of [SECTION_LABELS, FIELD_LABELS, ENUM_LABELS, RULE_LABELS, DETAIL_LABELS])
      for (const [key, tri] of Object.entries(table)) expect(simplifiedOnly.test(tri[1]), `${key}: ${tri[1]}`).toBe(false);
  });

  it('explains each missing part of a risk', () => {
    expect(detailLabel('risk.missing.severity+mitigation', 'en')).toBe('The risk needs a severity; The risk needs a mitigation');
    expect(detailLabel('risk.noReason', 'zh-TW')).toBe('已勾選「沒有已知風險」，但缺少理由');
  });
});
