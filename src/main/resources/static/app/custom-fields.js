// Custom fields in forms and on the contract page: the inputs of a contract type's fields (each of
// its kind) and their values shown with the fields' labels. The definitions come from
// GET /api/custom-fields?type=..., which every signed-in user may read.
import { get, query } from './api.js';
import { h, render, field, select, money, date } from './ui.js';
import { counterpartyPicker } from './counterparty-picker.js';

export const KINDS = ['TEXT', 'NUMBER', 'MONEY', 'DATE', 'CHOICE', 'PARTY'];
const KIND_LABELS = { TEXT: 'Text', NUMBER: 'Number', MONEY: 'Money', DATE: 'Date', CHOICE: 'Choice', PARTY: 'Party' };

export function kindLabel(kind) {
  return KIND_LABELS[kind] || kind;
}

export async function fieldsOf(type) {
  return get('/api/custom-fields' + query({ type }));
}

const inputId = (key) => 'cf-' + key;

/**
 * A fieldset with an input per custom field of `type`, filled from `values` (a party field is a
 * counterparty picker). Returns { element, show(type), read() }: read() gives the values as the API
 * takes them (null for an empty input, which clears the value).
 */
export function customFieldsFieldset(values) {
  let fields = [];
  let pickers = {};
  const box = h('div', { class: 'custom-fields' });
  const element = h('fieldset', { class: 'sub', id: 'custom-fields', hidden: true },
    h('legend', {}, 'Custom fields'), box);

  function control(f) {
    const id = inputId(f.key);
    const v = values?.[f.key];
    const req = f.required ? { required: true } : {};
    switch (f.kind) {
      case 'NUMBER':
        return field(f.label, h('input', { id, name: id, type: 'number', step: 'any', value: v ?? '', ...req }));
      case 'MONEY':
        return h('div', { class: 'row' },
          field(f.label, h('input', { id, name: id, type: 'number', min: 0, step: 'any', value: v?.amount ?? '', ...req })),
          field(f.label + ' currency', h('input', { id: id + '-currency', name: id + '-currency', maxlength: 3, size: 4, value: v?.currency || 'EUR', autocomplete: 'off' }), 'ISO code'));
      case 'DATE':
        return field(f.label, h('input', { id, name: id, type: 'date', value: v || '', ...req }));
      case 'CHOICE':
        return field(f.label, select(id, [['', f.required ? 'Choose…' : '—'], ...f.choices.map((c) => [c, c])], v || '', req));
      case 'PARTY': {
        pickers[f.key] = counterpartyPicker(id, v ? { id: v } : null, { required: f.required });
        return field(f.label, pickers[f.key].element);
      }
      default:
        return field(f.label, h('input', { id, name: id, maxlength: 1000, value: v || '', ...req }));
    }
  }

  async function show(type) {
    fields = await fieldsOf(type);
    pickers = {};
    element.hidden = fields.length === 0;
    render(box, fields.map(control));
  }

  function read() {
    const out = {};
    for (const f of fields) {
      const el = document.getElementById(inputId(f.key));
      const raw = f.kind === 'PARTY' ? pickers[f.key]?.value() || '' : el ? el.value.trim() : '';
      if (!raw) {
        out[f.key] = null;
      } else if (f.kind === 'NUMBER') {
        out[f.key] = Number(raw);
      } else if (f.kind === 'MONEY') {
        const currency = document.getElementById(inputId(f.key) + '-currency').value.trim().toUpperCase();
        out[f.key] = { amount: Number(raw), currency };
      } else {
        out[f.key] = raw;
      }
    }
    return out;
  }

  return { element, show, read };
}

/** The contract's custom field values as label/value pairs for a definition list. */
export async function customFieldPairs(contract) {
  const values = contract.customFields || {};
  const keys = Object.keys(values);
  if (!keys.length) return [];
  const fields = await fieldsOf(contract.type).catch(() => []);
  const byKey = Object.fromEntries(fields.map((f) => [f.key, f]));
  const pairs = [];
  for (const key of keys) {
    const f = byKey[key];
    const v = values[key];
    let shown;
    if (f?.kind === 'MONEY' || (v && typeof v === 'object')) shown = money(v);
    else if (f?.kind === 'DATE') shown = date(v);
    else if (f?.kind === 'PARTY') {
      shown = await get('/api/counterparties/' + v).then((p) => p.name).catch(() => v);
    } else shown = String(v);
    pairs.push([h('dt', { 'data-cf': key }, f ? f.label : key), h('dd', { 'data-cf': key }, shown)]);
  }
  return pairs;
}
