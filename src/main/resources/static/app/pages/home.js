// Home: my open tasks and my contracts that need attention.
import { get, query } from '../api.js';
import { h, render, table, statusBadge, date, dateTime, daysFromToday, tasklistLink } from '../ui.js';
import { chartFigure, drawCharts } from '../charts.js';

function contractLink(c) {
  return h('a', { href: '#/contracts/' + c.id }, c.reference + ' · ' + c.title);
}

async function mine(me, params) {
  return (await get('/api/contracts' + query({ owner: me.username, size: 10, ...params }))).content;
}

/** Who may own contracts (and so have some needing attention): requesters and admins. */
function ownsContracts(me) {
  return (me.roles || []).some((r) => r === 'requester' || r === 'contract-admin');
}

const SHOWN = 10;

/** The tasks due first, then the newest. */
function firstTasks(tasks) {
  const due = (t) => (t.due ? Date.parse(t.due) : Infinity);
  return [...tasks]
    .sort((a, b) => due(a) - due(b) || Date.parse(b.created) - Date.parse(a.created))
    .slice(0, SHOWN);
}

export async function homePage({ main, me }) {
  document.title = 'Home · ContractFlow';
  const owner = ownsContracts(me);
  const none = Promise.resolve([]);
  // key charts for everyone whose reports have contracts in them (the API scopes them); a report
  // that fails leaves Home without its chart rather than without Home
  const report = (path) => get(path).catch(() => null);
  const [tasks, drafts, signing, ending, portfolio, renewals] = await Promise.all([
    get('/api/tasks'),
    owner ? mine(me, { status: 'DRAFT', sort: 'updatedAt,desc' }) : none,
    owner ? mine(me, { status: ['APPROVED', 'SIGNING'], sort: 'updatedAt,asc' }) : none,
    owner ? mine(me, { status: 'ACTIVE', endTo: daysFromToday(90), sort: 'endDate,asc' }) : none,
    report('/api/reports/portfolio'),
    report('/api/reports/renewals?days=90'),
  ]);
  render(main,
    h('h1', {}, 'Hello, ' + me.username),
    h('section', { class: 'card', 'aria-labelledby': 'tasks-h' },
      h('h2', { id: 'tasks-h' }, 'My open tasks ', h('span', { class: 'count' }, String(tasks.length))),
      tasks.length > SHOWN ? h('p', { class: 'muted' }, 'The ' + SHOWN + ' due first or newest; ',
        h('a', { href: '#/tasks' }, 'all ' + tasks.length + ' tasks →')) : null,
      table('My open tasks', [
        { label: 'Task', cell: (t) => h('a', { href: '#/tasks/' + encodeURIComponent(t.id) }, t.name) },
        { label: 'Contract', cell: (t) => h('a', { href: '#/contracts/' + t.contractId }, (t.reference || '') + ' · ' + (t.contractTitle || '')) },
        { label: 'Created', cell: (t) => dateTime(t.created) },
        { label: 'Due', cell: (t) => (t.due ? dateTime(t.due) : '—') },
        { label: 'Also in', cell: (t) => h('a', { href: tasklistLink(t) }, 'Tasklist') },
      ], firstTasks(tasks), 'No tasks are waiting for you.')),
    owner && h('div', { class: 'grid' },
      attention('drafts-h', 'Drafts to finish and submit', drafts,
        'No drafts. Changes requested in a review bring a contract back here.', (c) => date(c.updatedAt)),
      attention('signing-h', 'Approved or out for signature', signing, 'Nothing waits for signatures.',
        (c) => statusBadge(c.status)),
      attention('ending-h', 'Ending within 90 days', ending, 'No active contract of yours ends soon.',
        (c) => 'ends ' + date(c.endDate))),
    keyCharts(portfolio, renewals));
  await drawCharts(main);
}

/** The portfolio by status and the renewals of the next 90 days, if there are contracts to show. */
function keyCharts(portfolio, renewals) {
  if (!portfolio || !portfolio.table.rows.length) return null;
  const byStatus = portfolio.charts.find((c) => c.id === 'by-status');
  const ahead = renewals?.charts.find((c) => c.id === 'by-days');
  const card = (id, title, chart, link) => h('section', { class: 'card', 'aria-labelledby': id },
    h('h2', { id }, title),
    chartFigure(chart, null),
    h('p', {}, h('a', { href: link }, 'The figures and more →')));
  return h('div', { class: 'grid two' },
    byStatus && card('portfolio-h', portfolio.scope === 'all' ? 'All contracts by status' : 'The contracts you may read, by status',
      byStatus, '#/reports/portfolio'),
    ahead && card('renewals-h', 'Ending, and notice deadlines, in the next 90 days', ahead, '#/reports/renewals'));
}

function attention(id, title, contracts, empty, aside) {
  return h('section', { class: 'card', 'aria-labelledby': id },
    h('h2', { id }, title, ' ', h('span', { class: 'count' }, String(contracts.length))),
    contracts.length
      ? h('ul', { class: 'plain' }, contracts.map((c) => h('li', {}, contractLink(c), ' ', h('span', { class: 'muted' }, aside(c)))))
      : h('p', { class: 'muted' }, empty),
    h('p', {}, h('a', { href: '#/contracts' }, 'All contracts →')));
}
