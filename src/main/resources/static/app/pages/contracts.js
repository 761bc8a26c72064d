// Contracts: full-text search over what I may read (GET /api/search/contracts: title, reference,
// counterparty, tags, description and the current document's text), with facets to refine by
// status, type, counterparty and the custom choice and party fields (cf.<key>), filters, sortable
// columns and paging. The state lives in the address, so a view can be bookmarked, saved by name
// (/api/saved-views) and downloaded as CSV or XLSX (the same search, every hit: ?format=csv|xlsx). When search is unavailable the page falls
// back to the database list (titles and references only) and says so.
import { ApiError, call, get, post, query } from '../api.js';
import { h, render, select, field, notice, toast, statusBadge, statusLabel, money, date } from '../ui.js';
import { fieldsOf } from '../custom-fields.js';

const COLUMNS = [
  { key: 'reference', label: 'Reference', cell: (c) => h('a', { href: '#/contracts/' + c.id }, c.reference) },
  { key: 'title', label: 'Title', cell: (c) => [c.title, snippet(c)] },
  { key: 'counterparty', label: 'Counterparty', cell: (c) => c.counterparty?.name || '' },
  { key: 'type', label: 'Type', cell: (c) => c.type },
  { key: 'status', label: 'Status', cell: (c) => statusBadge(c.status) },
  { key: 'owner', label: 'Owner', cell: (c) => c.owner },
  { key: 'value', label: 'Value', cell: (c) => money(c.value), numeric: true },
  { key: 'endDate', label: 'Ends', cell: (c) => date(c.endDate) },
];

const FACETS = [
  { key: 'status', param: 'status', label: 'Status', name: (f) => statusLabel(f.value) },
  { key: 'type', param: 'type', label: 'Type', name: (f) => f.value },
  { key: 'counterparty', param: 'counterpartyId', label: 'Counterparty', name: (f) => f.name || f.value },
];

/** Custom fields filter and count as `cf.<key>` (GET /api/search/contracts). */
const CUSTOM = 'cf.';

const EXPIRING = [['', 'Any end date'], ['30', 'Ending in 30 days'], ['60', 'Ending in 60 days'],
  ['90', 'Ending in 90 days'], ['365', 'Ending in a year']];

export async function contractsPage({ main, me: user, params, navigate }) {
  document.title = 'Contracts · ContractFlow';
  const q = params.get('q') || '';
  const mineOnly = params.get('mine') === '1';
  const expiring = params.get('expiring') || '';
  const sort = params.get('sort') || (q ? 'relevance' : 'updatedAt,desc');
  const page = Number(params.get('page') || 0);
  const size = 20;
  const chosen = Object.fromEntries(FACETS.map((f) => [f.param, params.getAll(f.param)]));
  for (const name of new Set(params.keys())) {
    if (name.startsWith(CUSTOM)) chosen[name] = params.getAll(name);
  }
  const filters = {
    q, ...chosen, owner: mineOnly ? user?.username : '', expiringWithinDays: expiring,
    sort: sort === 'relevance' ? '' : sort,
  };
  const [found, views, customFields] = await Promise.all([
    search(filters, page, size),
    get('/api/saved-views?list=contracts').catch(() => []),
    fieldsOf(null).catch(() => []),
  ]);

  const go = (changes) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      next.delete(k);
      for (const value of Array.isArray(v) ? v : [v]) {
        if (value !== '' && value !== null && value !== undefined) next.append(k, value);
      }
    }
    navigate('/contracts', next);
  };

  const form = h('form', { class: 'filters', role: 'search', onsubmit: (e) => {
    e.preventDefault();
    const data = new FormData(e.target);
    const text = data.get('q').trim();
    go({ q: text, expiring: data.get('expiring'), mine: data.get('mine') ? '1' : '', page: '',
      sort: text && !q ? '' : params.get('sort') });
  } },
  field('Search contracts and their documents', h('input', { id: 'q', name: 'q', type: 'search', value: q,
    placeholder: 'e.g. "limitation of liability" or acme -draft' })),
  field('End date', select('expiring', EXPIRING, expiring)),
  h('div', { class: 'field check' },
    h('input', { id: 'mine', name: 'mine', type: 'checkbox', checked: mineOnly }),
    h('label', { for: 'mine' }, 'Only mine')),
  h('div', { class: 'field actions' }, h('button', { type: 'submit', class: 'primary' }, 'Search'),
    h('a', { href: '#/contracts', class: 'button' }, 'Clear')));

  const [sortField, sortDir] = sort.split(',');
  const header = (col) => {
    const active = sortField === col.key;
    const nextDir = active && sortDir === 'asc' ? 'desc' : 'asc';
    return h('th', { scope: 'col', 'aria-sort': active ? (sortDir === 'asc' ? 'ascending' : 'descending') : 'none' },
      h('button', { type: 'button', class: 'sort', onclick: () => go({ sort: col.key + ',' + nextDir, page: '' }),
        'aria-label': 'Sort by ' + col.label + (nextDir === 'asc' ? ', ascending' : ', descending') },
      col.label, h('span', { 'aria-hidden': 'true', class: 'arrow' }, active ? (sortDir === 'asc' ? ' ▲' : ' ▼') : ' ↕')));
  };

  const rows = found.rows;
  const from = found.total === 0 ? 0 : page * size + 1;
  const to = page * size + rows.length;
  const total = found.exact ? String(found.total) : 'more than ' + found.total;
  const pages = Math.max(1, Math.ceil(Math.min(found.total, 10_000) / size));
  const exportBase = found.fallback ? '/api/contracts' : '/api/search/contracts';

  render(main,
    h('div', { class: 'page-head' }, h('h1', {}, 'Contracts'),
      drafts(user) ? h('a', { href: '#/contracts/new', class: 'button primary' }, 'New contract') : null),
    form,
    found.fallback ? notice('Full-text search is unavailable right now: showing matches in titles and '
      + 'references only, without facets.', 'info') : null,
    savedViews(views, params, () => contractsPage({ main, me: user, params, navigate }), navigate),
    h('div', { class: 'results' },
      found.facets ? facetsPanel(found.facets, chosen, go, customFacets(found.facets, chosen, customFields)) : null,
      h('div', { class: 'results-main' },
        h('p', { class: 'export' }, 'Download this view (all its rows, up to 10,000): ',
          h('a', { id: 'export-csv', href: exportBase + query({ ...found.query, format: 'csv' }), download: '' }, 'Download CSV'),
          ' · ',
          h('a', { id: 'export-xlsx', href: exportBase + query({ ...found.query, format: 'xlsx' }), download: '' }, 'Download XLSX')),
        h('p', { class: 'muted', role: 'status' }, rows.length
          ? `Showing ${from}–${to} of ${total}` + (sort === 'relevance' ? ', best matches first' : '') : ''),
        rows.length
          ? h('div', { class: 'table-wrap' }, h('table', { class: 'contracts' },
            h('caption', { class: 'sr-only' }, 'Contracts, sortable by column'),
            h('thead', {}, h('tr', {}, COLUMNS.map(header))),
            h('tbody', {}, rows.map((c) => h('tr', {}, COLUMNS.map((col, i) =>
              h(i === 0 ? 'th' : 'td', { scope: i === 0 ? 'row' : null, 'data-label': col.label, class: col.numeric ? 'num' : null }, col.cell(c))))))))
          : h('p', { class: 'muted' }, 'No contracts match.'),
        h('nav', { class: 'pager', 'aria-label': 'Pages' },
          h('button', { type: 'button', disabled: page <= 0, onclick: () => go({ page: String(page - 1) }) }, '← Previous'),
          h('span', {}, `Page ${page + 1} of ${pages}`),
          h('button', { type: 'button', disabled: page + 1 >= pages, onclick: () => go({ page: String(page + 1) }) }, 'Next →')))));
}

/**
 * One page of the search; when search is unavailable (503), the database list with what it can
 * filter by, marked as the fallback.
 */
async function search(filters, page, size) {
  try {
    const r = await get('/api/search/contracts' + query({ ...filters, page, size }));
    return { rows: r.hits, total: r.total, exact: r.totalExact, facets: r.facets, query: filters };
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 503) throw e;
    const listed = {
      q: filters.q, status: filters.status, type: filters.type, owner: filters.owner,
      sort: filters.sort || 'updatedAt,desc',
    };
    const r = await get('/api/contracts' + query({ ...listed, page, size }));
    return { rows: r.content, total: r.page.totalElements, exact: r.page.totalExact !== false,
      facets: null, query: listed, fallback: true };
  }
}

/**
 * The custom fields' facets (`cf.<key>`: choice and party fields) that the search counted or the
 * address filters by, labelled as the fields are.
 */
function customFacets(facets, chosen, fields) {
  const labels = Object.fromEntries(fields.map((f) => [CUSTOM + f.key, f.label]));
  const keys = new Set([...Object.keys(facets), ...Object.keys(chosen)].filter((k) => k.startsWith(CUSTOM)));
  return [...keys].sort().map((key) => ({
    key, param: key, label: labels[key] || key.slice(CUSTOM.length), name: (f) => f.name || f.value,
  }));
}

/** The facets as checkboxes with their counts: ticking one narrows the search to it. */
function facetsPanel(facets, chosen, go, custom = []) {
  return h('aside', { class: 'facets', 'aria-label': 'Refine the results' },
    [...FACETS, ...custom].map((f) => {
      const picked = chosen[f.param] || [];
      const values = [...(facets[f.key] || [])];
      for (const value of picked) {
        if (!values.some((v) => v.value === value)) values.push({ value, name: null, count: 0 });
      }
      if (!values.length) return null;
      return h('fieldset', { class: 'facet' }, h('legend', {}, f.label),
        values.map((v) => {
          const id = ('facet-' + f.param + '-' + v.value).replace(/\s+/g, '_');
          const on = picked.includes(v.value);
          return h('div', { class: 'field check' },
            h('input', { type: 'checkbox', id, checked: on, 'data-facet': f.param, value: v.value,
              onchange: () => go({ [f.param]: on ? picked.filter((x) => x !== v.value)
                : [...picked, v.value], page: '' }) }),
            h('label', { for: id }, f.name(v), h('span', { class: 'count' }, ' ' + v.count)));
        }));
    }));
}

/** Where the search words matched, in the document or the description: text, the words marked. */
function snippet(hit) {
  const fragment = hit.highlights?.documentText?.[0] || hit.highlights?.description?.[0];
  if (!fragment) return null;
  return h('div', { class: 'snippet muted' }, '… ', fragment.split(/(<em>|<\/em>)/).reduce((acc, part) => {
    if (part === '<em>') acc.marked = true;
    else if (part === '</em>') acc.marked = false;
    else if (part) acc.nodes.push(acc.marked ? h('mark', {}, decode(part)) : decode(part));
    return acc;
  }, { nodes: [], marked: false }).nodes, ' …');
}

/** The search engine escapes the text it highlights (&amp; &lt; …); this reads it back as text. */
function decode(escaped) {
  return new DOMParser().parseFromString(escaped, 'text/html').documentElement.textContent;
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
