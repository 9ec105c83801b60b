// Form controls are values, and a label's value is the control that belongs to
// THAT label — never a neighbouring field's. Rows imitate how CRMs lay fields
// out (HubSpot property inputs, Pipedrive pickers, Dynamics inputs, tables).
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { findByLabel } from '@/lib/crm/find-by-label';
import { valueOf } from '@/lib/crm/deep-query';
import { defineAdapter } from '@/lib/crm/adapter-schema';
import { readSnapshot } from '@/lib/crm/read-snapshot';

const page = (body: string, setup?: (d: Document) => void) => {
  const d = new JSDOM(`<!doctype html><html><body>${body}</body></html>`, { pretendToBeVisual: true }).window.document;
  setup?.(d);
  return d;
};
const $ = (d: Document, sel: string) => d.querySelector(sel) as HTMLElement & HTMLInputElement & HTMLSelectElement;

const opts = (chosen: string, ...all: string[]) => all.map((o) => `<option${o === chosen ? ' selected' : ''}>${o}</option>`).join('');
/** HubSpot-like property: label and value in sibling wrappers of one property container. */
const prop = (label: string, value: string) => `<div class="property"><div class="property-label"><span>${label}</span></div><div class="property-value">${value}</div></div>`;

// [case, page body, label asked, expected value, optional script run after load (a user's change)]
type Row = [string, string, string, string | null, ((d: Document) => void)?];

const CONTROLS: Row[] = [
  ['<select>: the selected option’s text', `<label for="s">Stage</label><select id="s">${opts('Proposal', 'Qualify', 'Proposal', 'Closed Won')}</select>`, 'Stage', 'Proposal'],
  ['<select> changed by the user (property, not the selected attribute)', `<label for="s">Stage</label><select id="s">${opts('Qualify', 'Qualify', 'Proposal')}</select>`, 'Stage', 'Proposal', (d) => ($(d, '#s').selectedIndex = 1)],
  ['<select> with a placeholder chosen is blank', `<label for="s">Stage</label><select id="s"><option value="">-- None --</option><option>Proposal</option></select>`, 'Stage', null],
  ['<select> option with a label attribute', `<label for="s">Stage</label><select id="s"><option label="Negotiation" selected>neg</option></select>`, 'Stage', 'Negotiation'],
  ['<input>: the value attribute', `<label for="i">Amount</label><input id="i" value="12,500">`, 'Amount', '12,500'],
  ['<input> typed into: the value property wins over the attribute', `<label for="i">Amount</label><input id="i" value="12,500">`, 'Amount', '13,000', (d) => ($(d, '#i').value = '13,000')],
  ['<textarea>: its value property', `<label for="t">Deal name</label><textarea id="t">Old text</textarea>`, 'Deal name', 'Acme renewal', (d) => ($(d, '#t').value = 'Acme renewal')],
  ['<input type=hidden> is not a shown value', `<div><span>Owner</span><input type="hidden" value="005xx0001"></div>`, 'Owner', null],
  ['checkbox is not a text value', `<label for="c">Owner</label><input id="c" type="checkbox" value="on" checked>`, 'Owner', null],
  ['combobox showing its value as text', `<div class="f"><span>Stage</span><div role="combobox" aria-expanded="false">Negotiation</div></div>`, 'Stage', 'Negotiation'],
  ['combobox with an input inside', `<div class="f"><span>Owner</span><div role="combobox"><input value="Jana Nováková"></div></div>`, 'Owner', 'Jana Nováková'],
  ['combobox input changed by the user', `<div class="f"><span>Owner</span><input role="combobox" value="A"></div>`, 'Owner', 'Lukas Weber', (d) => ($(d, 'input').value = 'Lukas Weber')],
  ['combobox with only aria-activedescendant', `<div class="f"><span>Stage</span><div role="combobox" aria-activedescendant="o2"></div><ul role="listbox" hidden><li id="o1">Qualify</li><li id="o2">Proposal</li></ul></div>`, 'Stage', 'Proposal'],
  ['combobox whose open option list sits inside it', `<div class="f"><span>Stage</span><div role="combobox"><span>Proposal</span><ul role="listbox"><li>Qualify</li><li>Proposal</li><li>Won</li></ul></div></div>`, 'Stage', 'Proposal'],
  ['picker button shows the value', `<div class="f"><span>Owner</span><button type="button" aria-haspopup="listbox">Lena Fischer</button></div>`, 'Owner', 'Lena Fischer'],
  ['picker button with an icon', `<div class="f"><span>Owner</span><div><button type="button"><svg aria-hidden="true"></svg><span>Lena Fischer</span></button></div></div>`, 'Owner', 'Lena Fischer'],
  ['contenteditable', `<div class="f"><span>Deal name</span><div contenteditable="true">Bäckerei Krause – Kassen</div></div>`, 'Deal name', 'Bäckerei Krause – Kassen'],
  ['aria-labelledby', `<span id="l1">Close date</span><div class="gap"></div><input aria-labelledby="l1" value="31.03.2027">`, 'Close date', '31.03.2027'],
  ['a label wrapping its control', `<label>Stage <select>${opts('Proposal', 'Qualify', 'Proposal')}</select></label>`, 'Stage', 'Proposal'],
  ['a control named by aria-label', `<select aria-label="Deal stage">${opts('Proposal', 'Qualify', 'Proposal')}</select>`, 'Deal stage', 'Proposal'],
  ['value text beside a read-only label, with an icon-only edit button', `<div class="f"><span>Stage</span><span class="v">Proposal<button><span class="sr-only">Edit Stage</span></button></span></div>`, 'Stage', 'Proposal'],
  ['HubSpot property with a select', prop('Deal stage', `<select>${opts('Contract sent', 'Appointment scheduled', 'Contract sent')}</select>`), 'Deal stage', 'Contract sent'],
  ['Dynamics-style input in a sibling cell', `<table><tr><td><label>Est. revenue</label></td><td><input value="$312,400.00"></td></tr></table>`, 'Est. revenue', '$312,400.00'],
];

// The value of THIS label is blank or elsewhere: the neighbour must never be read.
const NEIGHBOURS: Row[] = [
  [
    'HubSpot: stage select with the placeholder, owner select next to it',
    prop('Deal stage', `<select><option value="">Select a stage</option><option>Closed won</option></select>`) + prop('Deal owner', `<select>${opts('Marcus Delgado', 'Marcus Delgado')}</select>`),
    'Deal stage',
    null,
  ],
  [
    'HubSpot: both selects set, each label reads its own',
    prop('Deal stage', `<select>${opts('Contract sent', 'Contract sent')}</select>`) + prop('Deal owner', `<select>${opts('Marcus Delgado', 'Marcus Delgado')}</select>`),
    'Deal owner',
    'Marcus Delgado',
  ],
  [
    'Pipedrive: owner picker empty, Won/Lost buttons next',
    `<div class="item"><div class="label"><span>Owner</span></div><div class="value"><button type="button"><span class="sr-only">Choose owner</span></button></div></div><div class="actions"><button>Won</button><button>Lost</button></div>`,
    'Owner',
    null,
  ],
  [
    'Pipedrive: status select below an owner with no value',
    `<div class="item"><span class="label">Owner</span></div><div class="item"><span class="label">Status</span><select>${opts('Won', 'Open', 'Won')}</select></div>`,
    'Owner',
    null,
  ],
  ['a label whose value slot is empty, the next label after it', `<div><span class="l">Stage</span><span class="v"></span><span class="l">Owner</span><span class="v">Anna</span></div>`, 'Stage', null],
  ['an empty cell, the next row filled', `<table><tr><td>Close date</td><td></td></tr><tr><td>Owner</td><td>Anna</td></tr></table>`, 'Close date', null],
  ['an empty <dd>, the next pair filled', `<dl><dt>Amount</dt><dd></dd><dt>Expected revenue</dt><dd>50,000</dd></dl>`, 'Amount', null],
  ['label for= an empty input, another input next to it', `<label for="a">Amount</label><input id="a" value=""><label for="b">Budget</label><input id="b" value="9,999">`, 'Amount', null],
  ['label alone in its wrapper, the next wrapper is another field with a select', `<div class="w"><div class="lw"><label>Stage</label></div></div><div class="w"><div class="lw"><label>Owner</label></div><select>${opts('Anna', 'Anna')}</select></div>`, 'Stage', null],
  ['label in a row, the value in the next row is another field', `<ul><li><span>Stage</span></li><li><span>Owner</span><span>Anna</span></li></ul>`, 'Stage', null],
  ['a field whose value is a picker, the next field a plain text', `<div class="f"><span>Owner</span><div class="v"></div></div><div class="f"><span>Stage</span><div class="v">Won</div></div>`, 'Owner', null],
];

describe.each([...CONTROLS, ...NEIGHBOURS])('%s', (_case, body, label, expected, setup) => {
  it(`reads ${expected === null ? 'nothing' : JSON.stringify(expected)}`, () => {
    expect(findByLabel(page(body, setup), [label])).toBe(expected);
  });
});

describe('valueOf a control found by a CSS locator', () => {
  it.each<[string, string, string, ((d: Document) => void)?]>([
    ['select', `<select id="x">${opts('B', 'A', 'B')}</select>`, 'B'],
    ['select changed by property', `<select id="x">${opts('A', 'A', 'B')}</select>`, 'B', (d) => ($(d, '#x').value = 'B')],
    ['input property', '<input id="x" value="old">', 'new', (d) => ($(d, '#x').value = 'new')],
    ['a wrapper whose only content is a select', `<div id="x"><select>${opts('B', 'A', 'B')}</select></div>`, 'B'],
    ['a wrapper with text and an edit button', `<div id="x">Proposal <button>Edit</button></div>`, 'Proposal'],
    ['button', '<button id="x">Lena Fischer</button>', 'Lena Fischer'],
    ['combobox', '<div id="x" role="combobox"><input value="Qualify"></div>', 'Qualify'],
  ])('%s', (_k, body, expected, setup) => {
    const d = page(body, setup);
    expect(valueOf(d.getElementById('x')!)).toBe(expected);
  });
});

describe('placeholders CRMs show for an empty or loading property read blank', () => {
  const adapter = defineAdapter({
    id: 'custom:ph',
    name: 'Placeholder CRM',
    hosts: ['crm.example.com'],
    url: { pattern: '^/deal/(?<recordId>\\d+)' },
    fields: { dealName: [{ css: 'h1' }], stage: [{ css: '.stage' }], owner: [{ label: ['Owner'] }] },
  });
  it.each(['--', '—', '-', '…', ' – ', '...'])('%j', (shown) => {
    const d = page(`<h1>Deal</h1><span class="stage">${shown}</span><div><span>Owner</span><span>${shown}</span></div>`);
    expect(readSnapshot(d, adapter)).toMatchObject({ dealName: 'Deal', stage: null, owner: null });
  });
});
