// Counterparties: the directory the contracts name; search by name, add (requesters, admins),
// correct (those the API lets: the entry's owner, editors of a contract naming it, admins), remove
// one no contract names (admins). The API decides every change; a refusal shows its detail.
import { call, get, post, query } from '../api.js';
import { h, render, notice, toast, field, table, dateTime } from '../ui.js';

const PAGE_SIZE = 20;

export async function counterpartiesPage(ctx) {
  const { main, me, params, navigate } = ctx;
  document.title = 'Counterparties · ContractFlow';
  const name = params.get('name') || '';
  const page = Number(params.get('page') || 0);
  const result = await get('/api/counterparties' + query({ name, page, size: PAGE_SIZE, sort: 'name,asc' }));
  const roles = me?.roles || [];
  const mayAdd = roles.includes('requester') || roles.includes('contract-admin');
  const isAdmin = roles.includes('contract-admin');
  const messages = h('div', { 'aria-live': 'assertive' });
  const again = () => counterpartiesPage(ctx);

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

  const search = h('form', { class: 'inline', role: 'search', onsubmit: (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    const text = new FormData(e.target).get('name').trim();
    if (text) p.set('name', text);
    navigate('/counterparties', p);
  } },
  h('label', { for: 'cp-search' }, 'Name contains'),
  h('input', { id: 'cp-search', name: 'name', value: name, maxlength: 200, type: 'search' }),
  h('button', { type: 'submit' }, 'Search'));

  const rows = result.content || [];
  const list = table('Counterparties', [
    { label: 'Name', cell: (c) => c.name },
    { label: 'Contact', cell: (c) => [c.contactName || '—', h('br'), h('a', { href: 'mailto:' + c.contactEmail }, c.contactEmail)] },
    { label: 'Added by', cell: (c) => c.owner + ', ' + dateTime(c.createdAt) },
    { label: 'Change', cell: (c) => h('div', { class: 'actions' },
      mayAdd ? h('button', { type: 'button', onclick: (e) => editRow(e.target.closest('tr'), c) }, 'Edit') : '—',
      isAdmin ? h('button', { type: 'button', class: 'danger', onclick: () => {
        if (confirm('Remove ' + c.name + '? Only a counterparty no contract names can be removed.')) {
          change('Removed ' + c.name, () => call('/api/counterparties/' + c.id, { method: 'DELETE' }));
        }
      } }, 'Remove') : null) },
  ], rows, name ? 'No counterparty’s name contains “' + name + '”.' : 'No counterparties yet.');

  function editRow(row, c) {
    const form = detailsForm('edit-' + c.id, c, 'Save', async (body) => {
      const { etag } = await call('/api/counterparties/' + c.id);
      await call('/api/counterparties/' + c.id, { method: 'PUT', body, headers: { 'If-Match': etag } });
    }, 'Saved ' + c.name);
    const cell = h('td', { colspan: '4' }, form);
    row.replaceChildren(cell);
    form.querySelector('input')?.focus();
  }

  function detailsForm(id, c, label, save, done) {
    return h('form', { class: 'stack', id, onsubmit: (e) => {
      e.preventDefault();
      const d = new FormData(e.target);
      const body = { name: d.get('name').trim(), contactName: d.get('contactName').trim() || null, contactEmail: d.get('contactEmail').trim() };
      change(done, () => save(body));
    } },
    field('Name', h('input', { id: id + '-name', name: 'name', required: true, maxlength: 200, value: c?.name || '' })),
    field('Contact person', h('input', { id: id + '-contact', name: 'contactName', maxlength: 200, value: c?.contactName || '' })),
    field('Contact e-mail', h('input', { id: id + '-email', name: 'contactEmail', type: 'email', required: true, maxlength: 254, value: c?.contactEmail || '' }),
      'Signing invitations go to this address'),
    h('button', { type: 'submit', class: 'primary' }, label));
  }

  const pageInfo = result.page || { number: 0, totalPages: 1, totalElements: rows.length };
  const pager = pageInfo.totalPages > 1 ? h('nav', { 'aria-label': 'Pages', class: 'pager' },
    page > 0 ? h('a', { href: '#/counterparties' + query({ name, page: page - 1 }) }, '← Previous') : null,
    ' Page ' + (page + 1) + ' of ' + pageInfo.totalPages + ' ',
    page + 1 < pageInfo.totalPages ? h('a', { href: '#/counterparties' + query({ name, page: page + 1 }) }, 'Next →') : null) : null;

  render(main,
    h('h1', {}, 'Counterparties'),
    messages,
    h('section', { class: 'card', 'aria-labelledby': 'cp-list-h' },
      h('h2', { id: 'cp-list-h' }, 'Directory ', h('span', { class: 'count' }, String(pageInfo.totalElements))),
      search, list, pager),
    mayAdd ? h('section', { class: 'card', 'aria-labelledby': 'cp-add-h' },
      h('h2', { id: 'cp-add-h' }, 'Add a counterparty'),
      detailsForm('add', null, 'Add counterparty', (body) => post('/api/counterparties', body), 'Counterparty added')) : null);
}
