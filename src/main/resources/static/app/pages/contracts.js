// Contracts: the list of what I may read (GET /api/contracts), with search, filters, sortable
// columns and paging; the state lives in the address, so a view can be bookmarked, saved by name
// (/api/saved-views) and downloaded as CSV or XLSX (the same filters and sort, ?format=csv|xlsx).
import { call, get, post, query } from '../api.js';
import { h, render, select, field, notice, toast, statusBadge, statusLabel, money, date, STATUSES, TYPES } from '../ui.js';

const COLUMNS = [
  { key: 'reference', label: 'Reference', cell: (c) => h('a', { href: '#/contracts/' + c.id }, c.reference) },
  { key: 'title', label: 'Title', cell: (c) => c.title },
  { key: null, label: 'Counterparty', cell: (c) => c.counterparty?.name || '' },
  { key: 'type', label: 'Type', cell: (c) => c.type },
  { key: 'status', label: 'Status', cell: (c) => statusBadge(c.status) },
  { key: 'owner', label: 'Owner', cell: (c) => c.owner },
  { key: 'value', label: 'Value', cell: (c) => money(c.value), numeric: true },
  { key: 'endDate', label: 'Ends', cell: (c) => date(c.endDate) },
];

export async function contractsPage({ main, me: user, params, navigate }) {
  document.title = 'Contracts · ContractFlow';
  const q = params.get('q') || '';
  const status = params.get('status') || '';
  const type = params.get('type') || '';
  const mineOnly = params.get('mine') === '1';
  const sort = params.get('sort') || 'updatedAt,desc';
  const page = Number(params.get('page') || 0);
  const size = 20;
  const me = mineOnly ? await get('/api/me') : null;
  const filters = { q, status, type, owner: me?.username, sort };
  const [result, views] = await Promise.all([
    get('/api/contracts' + query({ ...filters, page, size })),
    get('/api/saved-views?list=contracts').catch(() => []),
  ]);

  const go = (changes) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === '' || v === null || v === undefined) next.delete(k); else next.set(k, v);
    }
    navigate('/contracts', next);
  };

  const form = h('form', { class: 'filters', role: 'search', onsubmit: (e) => {
    e.preventDefault();
    const data = new FormData(e.target);
    go({ q: data.get('q').trim(), status: data.get('status'), type: data.get('type'),
      mine: data.get('mine') ? '1' : '', page: '' });
  } },
  field('Search title or reference', h('input', { id: 'q', name: 'q', type: 'search', value: q })),
  field('Status', select('status', [['', 'Any status'], ...STATUSES.map((s) => [s, statusLabel(s)])], status)),
  field('Type', select('type', [['', 'Any type'], ...TYPES.map((t) => [t, t])], type)),
  h('div', { class: 'field check' },
    h('input', { id: 'mine', name: 'mine', type: 'checkbox', checked: mineOnly }),
    h('label', { for: 'mine' }, 'Only mine')),
  h('div', { class: 'field actions' }, h('button', { type: 'submit', class: 'primary' }, 'Search'),
    h('a', { href: '#/contracts', class: 'button' }, 'Clear')));

  const [sortField, sortDir] = sort.split(',');
  const header = (col) => {
    if (!col.key) return h('th', { scope: 'col' }, col.label);
    const active = sortField === col.key;
    const nextDir = active && sortDir === 'asc' ? 'desc' : 'asc';
    return h('th', { scope: 'col', 'aria-sort': active ? (sortDir === 'asc' ? 'ascending' : 'descending') : 'none' },
      h('button', { type: 'button', class: 'sort', onclick: () => go({ sort: col.key + ',' + nextDir, page: '' }),
        'aria-label': 'Sort by ' + col.label + (nextDir === 'asc' ? ', ascending' : ', descending') },
      col.label, h('span', { 'aria-hidden': 'true', class: 'arrow' }, active ? (sortDir === 'asc' ? ' ▲' : ' ▼') : ' ↕')));
  };

  const info = result.page;
  const from = info.totalElements === 0 ? 0 : info.number * info.size + 1;
  const to = info.number * info.size + result.content.length;
  const total = info.totalExact === false ? 'more than ' + info.totalElements : String(info.totalElements);

  render(main,
    h('div', { class: 'page-head' }, h('h1', {}, 'Contracts'),
      drafts(user) ? h('a', { href: '#/contracts/new', class: 'button primary' }, 'New contract') : null),
    form,
    savedViews(views, params, () => contractsPage({ main, me: user, params, navigate }), navigate),
    h('p', { class: 'export' }, 'Download this view (all its rows, up to 10,000): ',
      h('a', { id: 'export-csv', href: '/api/contracts' + query({ ...filters, format: 'csv' }), download: '' }, 'Download CSV'),
      ' · ',
      h('a', { id: 'export-xlsx', href: '/api/contracts' + query({ ...filters, format: 'xlsx' }), download: '' }, 'Download XLSX')),
    h('p', { class: 'muted', role: 'status' }, result.content.length ? `Showing ${from}–${to} of ${total}` : ''),
    result.content.length
      ? h('div', { class: 'table-wrap' }, h('table', { class: 'contracts' },
        h('caption', { class: 'sr-only' }, 'Contracts, sortable by column'),
        h('thead', {}, h('tr', {}, COLUMNS.map(header))),
        h('tbody', {}, result.content.map((c) => h('tr', {}, COLUMNS.map((col, i) =>
          h(i === 0 ? 'th' : 'td', { scope: i === 0 ? 'row' : null, 'data-label': col.label, class: col.numeric ? 'num' : null }, col.cell(c))))))))
      : h('p', { class: 'muted' }, 'No contracts match.'),
    h('nav', { class: 'pager', 'aria-label': 'Pages' },
      h('button', { type: 'button', disabled: page <= 0, onclick: () => go({ page: String(page - 1) }) }, '← Previous'),
      h('span', {}, `Page ${page + 1} of ${Math.max(1, info.totalPages)}`),
      h('button', { type: 'button', disabled: page + 1 >= info.totalPages, onclick: () => go({ page: String(page + 1) }) }, 'Next →')));
}

/** Only requesters and admins draft contracts: others are not offered it (the API refuses anyway). */
function drafts(user) {
  return !user || (user.roles || []).some((r) => r === 'requester' || r === 'contract-admin');
}

/** The view as saved: the address's query without the page. */
function viewQuery(params) {
  const q = new URLSearchParams(params);
  q.delete('page');
  return q.toString();
}

/** My saved views of this list: apply one, delete one, save the current view under a name. */
function savedViews(views, params, again, navigate) {
  const current = viewQuery(params);
  const messages = h('div', { 'aria-live': 'assertive' });
  const picker = select('saved-view', [['', views.length ? 'Choose a saved view' : 'No saved views yet'],
    ...views.map((v) => [v.id, v.name])], views.find((v) => v.query === current)?.id || '');
  const chosen = () => views.find((v) => v.id === picker.value);
  const name = h('input', { id: 'view-name', name: 'view-name', required: true, maxlength: 80 });
  return h('section', { class: 'filters saved-views', 'aria-label': 'Saved views' },
    h('form', { onsubmit: (e) => {
      e.preventDefault();
      const view = chosen();
      if (view) navigate('/contracts', new URLSearchParams(view.query));
    } },
    field('My saved views', picker),
    h('div', { class: 'field actions' },
      h('button', { type: 'submit', id: 'apply-view' }, 'Apply'),
      h('button', { type: 'button', id: 'delete-view', onclick: async () => {
        const view = chosen();
        if (!view || !confirm('Delete the saved view “' + view.name + '”?')) return;
        try {
          await call('/api/saved-views/' + view.id, { method: 'DELETE' });
          toast('Deleted the view “' + view.name + '”');
          again();
        } catch (e) {
          render(messages, notice(e.message));
        }
      } }, 'Delete'))),
    h('form', { onsubmit: async (e) => {
      e.preventDefault();
      try {
        const saved = await post('/api/saved-views', { list: 'contracts', name: name.value.trim(), query: current });
        toast('Saved this view as “' + saved.name + '”');
        again();
      } catch (err) {
        render(messages, notice(err.message));
      }
    } },
    field('Name for this view', name),
    h('div', { class: 'field actions' }, h('button', { type: 'submit', id: 'save-view' }, 'Save this view'))),
    messages);
}
