// Small DOM helpers: elements are built with textContent, never from HTML strings, so nothing the
// API returns is ever interpreted as markup.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function render(target, ...children) {
  target.replaceChildren();
  append(target, children);
}

const STATUS_LABELS = {
  DRAFT: 'Draft', IN_REVIEW: 'In review', APPROVED: 'Approved', REJECTED: 'Rejected',
  SIGNING: 'Signing', ACTIVE: 'Active', EXPIRED: 'Expired', TERMINATED: 'Terminated',
  CANCELLED: 'Cancelled',
};
export const STATUSES = Object.keys(STATUS_LABELS);
export const TYPES = ['NDA', 'MSA', 'SOW', 'SERVICES', 'SALES', 'PURCHASE', 'EMPLOYMENT',
  'CONSULTING', 'LEASE', 'LICENSE', 'PARTNERSHIP', 'OTHER'];

export function statusLabel(status) {
  return STATUS_LABELS[status] || status;
}

export function statusBadge(status) {
  return h('span', { class: 'badge status-' + String(status).toLowerCase() }, statusLabel(status));
}

export function money(value) {
  if (!value) return '';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: value.currency })
      .format(Number(value.amount));
  } catch {
    return value.amount + ' ' + value.currency;
  }
}

export function date(iso) {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? iso + 'T00:00:00' : iso);
  return d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function dateTime(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString(undefined, {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit',
  });
}

export function bytes(n) {
  if (n < 1024) return n + ' B';
  if (n < 1024 * 1024) return (n / 1024).toFixed(1) + ' KB';
  return (n / 1024 / 1024).toFixed(1) + ' MB';
}

/** An ISO date (yyyy-mm-dd) some days from today, in the browser's time zone. */
export function daysFromToday(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return d.toLocaleDateString('en-CA');
}

export function tasklistLink(task) {
  return '/camunda/app/tasklist/default/#/?task=' + encodeURIComponent(task.id);
}

/** A message in an alert box (errors) or a status line. */
export function notice(text, kind = 'error') {
  return h('p', { class: 'notice ' + kind, role: kind === 'error' ? 'alert' : 'status' }, text);
}

export function toast(text) {
  const el = document.getElementById('toast');
  el.textContent = text;
  el.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { el.hidden = true; }, 4000);
}

/**
 * A labelled form field; `control` is an input/select/textarea with an id, or an element whose
 * first input is the one labelled (a picker).
 */
export function field(label, control, hint) {
  const labelled = control.matches('input, select, textarea') ? control : control.querySelector('input');
  const hintId = hint ? labelled.id + '-hint' : undefined;
  if (hintId) labelled.setAttribute('aria-describedby', hintId);
  return h('div', { class: 'field' },
    h('label', { for: labelled.id }, label),
    control,
    hint ? h('small', { id: hintId, class: 'muted' }, hint) : null);
}

export function select(id, options, value, attrs = {}) {
  return h('select', { id, name: id, ...attrs },
    options.map(([v, label]) => h('option', { value: v, selected: String(v) === String(value ?? '') }, label)));
}

export function table(caption, columns, rows, empty) {
  if (!rows.length) return h('p', { class: 'muted' }, empty);
  return h('div', { class: 'table-wrap' },
    h('table', {},
      h('caption', { class: 'sr-only' }, caption),
      h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c.label)))),
      h('tbody', {}, rows.map((row) => h('tr', {},
        columns.map((c, i) => h(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row', 'data-label': c.label } : { 'data-label': c.label }, c.cell(row))))))));
}
