// Custom fields (contract admins): the fields contracts of a type hold, defined, changed, archived
// (when contracts hold values) or deleted here; the API decides every change.
import { call, get, post } from '../api.js';
import { h, render, notice, toast, field, select, table, TYPES } from '../ui.js';
import { KINDS, kindLabel } from '../custom-fields.js';

export async function customFieldsPage(ctx) {
  const { main } = ctx;
  document.title = 'Custom fields · ContractFlow';
  const fields = await get('/api/admin/custom-fields');
  const messages = h('div', { 'aria-live': 'assertive' });
  const again = () => customFieldsPage(ctx);

  const change = async (label, run) => {
    render(messages);
    try {
      await run();
      toast(label);
      await again();
    } catch (e) {
      render(messages, notice(e.message));
    }
  };

  const restore = (f) => change('Restored ' + f.label, () => call('/api/admin/custom-fields/' + f.id, {
    method: 'PUT',
    body: { key: f.key, label: f.label, contractType: f.contractType, kind: f.kind, required: f.required, choices: f.choices, archived: false },
  }));

  const columns = [
    { label: 'Label', cell: (f) => f.label },
    { label: 'Key', cell: (f) => h('code', {}, f.key) },
    { label: 'Contracts', cell: (f) => f.contractType || 'All types' },
    { label: 'Kind', cell: (f) => kindLabel(f.kind) + (f.choices.length ? ': ' + f.choices.join(', ') : '') },
    { label: 'Required', cell: (f) => (f.required ? 'Yes' : 'No') },
    { label: 'Change', cell: (f) => (f.archived
      ? h('button', { type: 'button', onclick: () => restore(f) }, 'Restore')
      : h('button', { type: 'button', class: 'danger', onclick: () => {
        if (confirm('Remove the field ' + f.label + '? If contracts hold values of it, it is archived instead.')) {
          change('Removed ' + f.label, () => call('/api/admin/custom-fields/' + f.id, { method: 'DELETE' }));
        }
      } }, 'Remove')) },
  ];
  const active = fields.filter((f) => !f.archived);
  const archived = fields.filter((f) => f.archived);
  const list = table('Custom fields', columns, active, 'No custom fields yet.');
  const archive = archived.length ? h('details', { id: 'archived-fields' },
    h('summary', {}, 'Archived fields (' + archived.length + '): contracts keep their values'),
    table('Archived custom fields', columns, archived, '')) : null;

  const choices = h('textarea', { id: 'cf-choices', name: 'choices', rows: 4 });
  const choicesField = h('div', { hidden: true }, field('Choices', choices, 'One per line'));
  const kind = select('cf-kind', KINDS.map((k) => [k, kindLabel(k)]), 'TEXT');
  kind.addEventListener('change', () => {
    choicesField.hidden = kind.value !== 'CHOICE';
  });
  const form = h('form', { class: 'stack', id: 'custom-field-form', onsubmit: (e) => {
    e.preventDefault();
    const d = new FormData(e.target);
    const body = {
      key: d.get('key').trim(),
      label: d.get('label').trim(),
      contractType: d.get('contractType') || null,
      kind: d.get('cf-kind'),
      required: d.get('required') === 'on',
      choices: d.get('cf-kind') === 'CHOICE'
        ? d.get('choices').split('\n').map((c) => c.trim()).filter(Boolean) : [],
    };
    change('Field ' + body.label + ' defined', () => post('/api/admin/custom-fields', body));
  } },
  h('div', { class: 'row' },
    field('Label', h('input', { id: 'cf-label', name: 'label', required: true, maxlength: 100 })),
    field('Key', h('input', { id: 'cf-key', name: 'key', required: true, maxlength: 40, pattern: '[a-z][a-z0-9_]*', autocomplete: 'off' }),
      'Lower-case letters, digits and _; never changes (search: cf.<key>)')),
  h('div', { class: 'row' },
    field('Contracts', select('contractType', [['', 'All types'], ...TYPES.map((t) => [t, t])], '')),
    field('Kind', kind)),
  choicesField,
  h('div', { class: 'field check' },
    h('input', { id: 'cf-required', name: 'required', type: 'checkbox' }),
    h('label', { for: 'cf-required' }, 'Required')),
  h('button', { type: 'submit', class: 'primary' }, 'Add field'));

  render(main,
    h('h1', {}, 'Custom fields'),
    h('p', { class: 'muted' }, 'Fields contracts of a type hold besides their own facts. Every write checks them; search filters and counts choices and parties; the approval matrix reads them as cf_<key>.'),
    messages,
    h('section', { class: 'card', 'aria-labelledby': 'cf-list-h' }, h('h2', { id: 'cf-list-h' }, 'Fields'), list, archive),
    h('section', { class: 'card', 'aria-labelledby': 'cf-add-h' }, h('h2', { id: 'cf-add-h' }, 'Add a field'), form));
}
