// A contract's facts as a form: a new draft (POST /api/contracts) or a draft's changes
// (PUT /api/contracts/{id} with If-Match), shared by the Contract page.
import { call, post } from '../api.js';
import { h, render, field, select, notice, toast, TYPES } from '../ui.js';
import { customFieldsFieldset } from '../custom-fields.js';
import { counterpartyPicker } from '../counterparty-picker.js';

export async function draftPage({ main, navigate }) {
  document.title = 'New contract · ContractFlow';
  const form = await factsForm(null, async (body) => {
    const created = await post('/api/contracts', body);
    toast('Draft ' + created.reference + ' created');
    navigate('/contracts/' + created.id);
  }, 'Create draft');
  render(main, h('h1', {}, 'New contract'),
    h('p', { class: 'muted' }, 'A draft is yours to edit until you submit it for review.'),
    form);
}

export async function factsForm(contract, save, submitLabel, onCancel) {
  const c = contract || {};
  const errors = h('div', { 'aria-live': 'assertive' });
  const input = (id, attrs = {}) => h('input', { id, name: id, ...attrs });
  const counterparty = counterpartyPicker('counterpartyId', c.counterparty,
    { required: true, extra: [['new', 'Add a new counterparty…']] });
  const newCounterparty = h('fieldset', { class: 'sub', hidden: true },
    h('legend', {}, 'New counterparty'),
    field('Name', input('cpName')),
    field('Contact e-mail', input('cpEmail', { type: 'email' })));
  counterparty.onChange((value) => {
    newCounterparty.hidden = value !== 'new';
  });
  const type = select('type', TYPES.map((t) => [t, t]), c.type || 'NDA');
  const custom = customFieldsFieldset(c.customFields);
  type.addEventListener('change', () => custom.show(type.value));
  await custom.show(type.value);

  const form = h('form', { class: 'facts-form', novalidate: false, onsubmit: async (e) => {
    e.preventDefault();
    const d = new FormData(e.target);
    const button = e.target.querySelector('button[type=submit]');
    button.disabled = true;
    render(errors);
    try {
      let counterpartyId = d.get('counterpartyId');
      if (counterpartyId === 'new') {
        const added = await post('/api/counterparties', {
          name: d.get('cpName').trim(), contactEmail: d.get('cpEmail').trim(),
        });
        counterpartyId = added.id;
      }
      const tags = d.get('tags').split(',').map((t) => t.trim()).filter(Boolean);
      await save({
        title: d.get('title').trim(),
        description: d.get('description').trim() || null,
        type: d.get('type'),
        counterpartyId,
        value: { amount: d.get('amount'), currency: d.get('currency').trim().toUpperCase() },
        startDate: d.get('startDate'),
        endDate: d.get('endDate') || null,
        renewal: {
          autoRenew: d.get('autoRenew') === 'on',
          renewalTermMonths: d.get('renewalTermMonths') ? Number(d.get('renewalTermMonths')) : null,
          noticePeriodDays: d.get('noticePeriodDays') ? Number(d.get('noticePeriodDays')) : null,
        },
        tags,
        customFields: custom.read(),
      });
    } catch (err) {
      render(errors, notice(err.message));
    } finally {
      button.disabled = false;
    }
  } },
  errors,
  field('Title', input('title', { required: true, maxlength: 200, value: c.title || '' })),
  h('div', { class: 'row' },
    field('Type', type),
    field('Counterparty', counterparty.element)),
  newCounterparty,
  h('div', { class: 'row' },
    field('Value', input('amount', { type: 'number', min: 0, step: 'any', required: true, value: c.value?.amount ?? '' })),
    field('Currency', input('currency', { required: true, maxlength: 3, size: 4, value: c.value?.currency || 'EUR', autocomplete: 'off' }), 'ISO code, e.g. EUR')),
  h('div', { class: 'row' },
    field('Start date', input('startDate', { type: 'date', required: true, value: c.startDate || '' })),
    field('End date', input('endDate', { type: 'date', value: c.endDate || '' }))),
  h('fieldset', { class: 'sub' }, h('legend', {}, 'Renewal'),
    h('div', { class: 'field check' },
      input('autoRenew', { type: 'checkbox', checked: !!c.renewal?.autoRenew }),
      h('label', { for: 'autoRenew' }, 'Renews automatically')),
    h('div', { class: 'row' },
      field('Renewal term (months)', input('renewalTermMonths', { type: 'number', min: 1, max: 120, value: c.renewal?.renewalTermMonths ?? '' })),
      field('Notice period (days)', input('noticePeriodDays', { type: 'number', min: 0, max: 730, value: c.renewal?.noticePeriodDays ?? '' })))),
  custom.element,
  field('Description', h('textarea', { id: 'description', name: 'description', rows: 4, maxlength: 4000 }, c.description || '')),
  field('Tags', input('tags', { value: (c.tags || []).join(', ') }), 'Separated by commas'),
  h('div', { class: 'actions' },
    h('button', { type: 'submit', class: 'primary' }, submitLabel),
    onCancel ? h('button', { type: 'button', onclick: onCancel }, 'Cancel') : null));
  return form;
}

/** Saves a draft's facts with the version it was read at (412 if someone changed it since). */
export async function saveDraft(contract, etag, body) {
  return call('/api/contracts/' + contract.id, { method: 'PUT', body, headers: { 'If-Match': etag } });
}
