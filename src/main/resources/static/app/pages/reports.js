// Reports: one report at a time (GET /api/reports/{name}), its charts drawn with ECharts, the
// table behind them (the charts' accessible equivalent), its notes, its parameter and its
// downloads (the same URL with format=csv or format=xlsx). The view lives in the address.
import { get, query } from '../api.js';
import { h, render, field, date, dateTime } from '../ui.js';
import { chartFigure, drawCharts } from '../charts.js';

/** The reports, their parameter (name, range, default) and a short description. */
export const REPORTS = [
  { name: 'portfolio', label: 'Portfolio', about: 'Contracts and their value by status, type, counterparty and owner.' },
  { name: 'renewals', label: 'Renewals and expiries', param: ['days', 1, 365, 90], about: 'Active contracts ending, and notice deadlines, in the coming days.' },
  { name: 'cycle-times', label: 'Cycle time', param: ['months', 1, 36, 12], about: 'How long each phase takes (p50, p90 hours), by phase, approver group and month.' },
  { name: 'approval-outcomes', label: 'Approval outcomes', param: ['months', 1, 36, 12], about: 'Review rounds approved, rejected, sent back for changes; rework loops.' },
  { name: 'overdue-reviews', label: 'Overdue reviews', param: ['months', 1, 36, 12], about: 'Open reviews past due or escalated; late reviews by month.' },
  { name: 'signing-times', label: 'Signing time', param: ['months', 1, 36, 12], about: 'Signing requests by provider and outcome; hours to signed.' },
];

/** Rows shown on the page; the downloads hold them all. */
const SHOWN_ROWS = 200;

/** The report's API path with its parameter (if any) and an optional format. */
export function reportPath(report, value, format) {
  const params = report.param ? { [report.param[0]]: value } : {};
  return '/api/reports/' + report.name + query({ ...params, format });
}

function cell(column, value) {
  if (value === null || value === undefined || value === '') return '';
  if (column.type === 'number') return Number(value).toLocaleString(undefined, { maximumFractionDigits: 2 });
  if (column.type === 'date') return String(value).length > 10 ? dateTime(value) : date(value);
  if (column.key === 'reference') return h('a', { href: '#/contracts' + query({ q: value }) }, value);
  return String(value);
}

/** The report's table: every column, numbers right-aligned. */
export function reportTable(report) {
  const { columns, rows } = report.table;
  if (!rows.length) return h('p', { class: 'muted' }, 'No rows: nothing to report yet.');
  const shown = rows.slice(0, SHOWN_ROWS);
  const num = (c) => (c.type === 'number' ? 'num' : null);
  return h('div', {},
    h('div', { class: 'table-wrap' },
      h('table', { class: 'report-table' },
        h('caption', { class: 'sr-only' }, report.title),
        h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: num(c) }, c.title)))),
        h('tbody', {}, shown.map((row) => h('tr', {},
          columns.map((c, i) => h(i === 0 ? 'th' : 'td',
            { scope: i === 0 ? 'row' : null, class: num(c), 'data-label': c.title }, cell(c, row[i])))))))),
    rows.length > shown.length
      ? h('p', { class: 'muted' }, 'The first ' + shown.length + ' of ' + rows.length + ' rows; the downloads have them all.')
      : null);
}

export async function reportsPage({ main, params, navigate }, name) {
  const report = REPORTS.find((r) => r.name === (name || 'portfolio'));
  if (!report) throw new Error('There is no such report.');
  document.title = report.label + ' · Reports · ContractFlow';
  const [paramName, min, max, fallback] = report.param || [];
  const asked = report.param ? Number(params.get(paramName) || fallback) : undefined;
  const value = report.param && Number.isInteger(asked) && asked >= min && asked <= max ? asked : fallback;
  const data = await get(reportPath(report, value));

  const tabs = h('nav', { class: 'report-tabs', 'aria-label': 'Reports' },
    h('ul', {}, REPORTS.map((r) => h('li', {}, h('a', {
      href: '#/reports/' + r.name, 'aria-current': r === report ? 'page' : null,
    }, r.label)))));

  const controls = h('form', { class: 'filters report-controls', onsubmit: (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (report.param) next.set(paramName, e.target.elements[paramName].value);
    navigate('/reports/' + report.name, next);
  } },
  report.param ? field(paramName === 'days' ? 'Days ahead' : 'Months (this one and before)',
    h('input', { id: paramName, name: paramName, type: 'number', min, max, value, required: true }),
    min + '–' + max) : null,
  report.param ? h('div', { class: 'field actions' }, h('button', { type: 'submit', class: 'primary' }, 'Show')) : null,
  h('div', { class: 'field actions downloads' },
    h('a', { class: 'button', href: reportPath(report, value, 'csv'), download: '' }, 'Download CSV'),
    h('a', { class: 'button', href: reportPath(report, value, 'xlsx'), download: '' }, 'Download XLSX')));

  render(main,
    h('div', { class: 'page-head' },
      h('h1', {}, 'Reports'),
      h('p', { class: 'muted crumbs' }, data.scope === 'all' ? 'Over all contracts' : 'Over the contracts you may read')),
    tabs,
    h('section', { class: 'card', 'aria-labelledby': 'report-h' },
      h('h2', { id: 'report-h' }, data.title),
      h('p', { class: 'muted' }, report.about, ' Computed ', dateTime(data.generatedAt), '.'),
      controls,
      h('div', { class: 'charts' }, data.charts.map((c) => chartFigure(c))),
      data.notes.length ? h('ul', { class: 'notes' }, data.notes.map((n) => h('li', {}, n))) : null,
      h('h3', {}, 'The figures'),
      reportTable(data)));
  await drawCharts(main);
}
