// More of a contract's page, each section from the public API: signing (signers and their status),
// shares (who else may view or edit), the redline between two document versions, and obligations.
import { get, call } from './api.js';
import { h, render, notice, date, dateTime, money, toast, table, field, select } from './ui.js';

const SIGNER_STATUS = { PENDING: 'Waiting', INVITED: 'Invited', SIGNED: 'Signed', DECLINED: 'Declined' };

/** Signing: the latest request's status and each signer's; or the signers planned for a draft. */
export function signingSection(contractId) {
  const box = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const section = h('section', { class: 'card', 'aria-labelledby': 'signing-h', id: 'signing' },
    h('h2', { id: 'signing-h' }, 'Signing'), box);
  (async () => {
    const signing = await get('/api/contracts/' + contractId + '/signing').catch((e) => (e.status === 404 ? null : Promise.reject(e)));
    if (signing) {
      render(box,
        h('p', {}, 'Status: ', h('strong', {}, signing.status), ' · ', signing.provider || signing.mode || '',
          signing.expiresAt ? ' · link expires ' + dateTime(signing.expiresAt) : '',
          signing.completedAt ? ' · completed ' + dateTime(signing.completedAt) : ''),
        signersTable(signing.signers || []));
      return;
    }
    const signers = await get('/api/contracts/' + contractId + '/signers').catch(() => []);
    render(box, signers.length
      ? [h('p', { class: 'muted' }, 'Not out for signature yet. Planned signers:'), signersTable(signers)]
      : h('p', { class: 'muted' }, 'Not out for signature yet; the counterparty\'s contact signs by default.'));
  })().catch((e) => render(box, notice(e.message)));
  return section;
}

function signersTable(signers) {
  return table('Signers', [
    { label: 'Signer', cell: (s) => s.name },
    { label: 'E-mail', cell: (s) => s.email },
    { label: 'Order', cell: (s) => String(s.order ?? '') },
    { label: 'Status', cell: (s) => (SIGNER_STATUS[s.status] || s.status || '—') + (s.turn ? ' (their turn)' : '') },
    { label: 'When', cell: (s) => dateTime(s.signedAt || s.declinedAt || s.invitedAt) || '—' },
  ], signers, 'No signers.');
}

/** Shares: who else may view or edit; the owner and admins add and remove them. */
export function sharesSection(contract, mayManage) {
  const box = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const messages = h('div', { 'aria-live': 'assertive' });
  const section = h('section', { class: 'card', 'aria-labelledby': 'shares-h', id: 'shares' },
    h('h2', { id: 'shares-h' }, 'Shared with'), messages, box);
  const base = '/api/contracts/' + contract.id + '/shares';

  async function show() {
    const shares = await get(base);
    const columns = [
      { label: 'Who', cell: (s) => (s.principalType === 'GROUP' ? 'group ' : '') + s.principalId },
      { label: 'May', cell: (s) => (s.permission === 'EDIT' ? 'view and edit' : 'view') },
      { label: 'Shared by', cell: (s) => s.grantedBy + ', ' + dateTime(s.grantedAt) },
    ];
    if (mayManage) {
      columns.push({ label: 'Remove', cell: (s) => h('button', { type: 'button', onclick: () => change(
        () => call(base + '/' + s.principalType + '/' + encodeURIComponent(s.principalId), { method: 'DELETE' }),
        'No longer shared with ' + s.principalId) }, 'Remove') });
    }
    render(box, table('Shared with', columns, shares, 'Only the owner and admins.'), mayManage ? addForm() : null);
  }

  function addForm() {
    return h('form', { class: 'inline', onsubmit: (e) => {
      e.preventDefault();
      const d = new FormData(e.target);
      const body = { principalType: d.get('shareType'), principalId: d.get('shareWith').trim(), permission: d.get('sharePermission') };
      change(() => call(base, { method: 'PUT', body }), 'Shared with ' + body.principalId);
    } },
    h('label', { for: 'shareWith' }, 'Share with'),
    h('input', { id: 'shareWith', name: 'shareWith', required: true, maxlength: 64, autocomplete: 'off' }),
    h('label', { for: 'shareType' }, 'a'),
    h('select', { id: 'shareType', name: 'shareType' }, h('option', { value: 'USER' }, 'user'), h('option', { value: 'GROUP' }, 'group')),
    h('label', { for: 'sharePermission' }, 'who may'),
    h('select', { id: 'sharePermission', name: 'sharePermission' }, h('option', { value: 'VIEW' }, 'view'), h('option', { value: 'EDIT' }, 'view and edit')),
    h('button', { type: 'submit' }, 'Share'));
  }

  async function change(run, done) {
    render(messages);
    try {
      await run();
      toast(done);
      await show();
    } catch (e) {
      render(messages, notice(e.message));
    }
  }

  show().catch((e) => render(box, notice(e.message)));
  return section;
}

/** The redline between two versions of the document: words added and removed. */
export function redlineSection(contractId, documents) {
  if (!documents || documents.length < 2) return null;
  const versions = documents.map((d) => d.version).sort((a, b) => a - b);
  const out = h('div', { class: 'redline', 'aria-live': 'polite' });
  const pick = (id, label, value) => [h('label', { for: id }, label),
    h('select', { id, name: id }, versions.map((v) => h('option', { value: v, selected: v === value }, 'v' + v)))];
  const form = h('form', { class: 'inline', onsubmit: async (e) => {
    e.preventDefault();
    const d = new FormData(e.target);
    render(out, h('p', { class: 'muted' }, 'Comparing…'));
    try {
      const r = await get('/api/contracts/' + contractId + '/documents/compare?from=' + d.get('redlineFrom') + '&to=' + d.get('redlineTo'));
      render(out,
        h('p', {}, r.wordsInserted + ' words added, ' + r.wordsDeleted + ' removed'),
        h('div', { class: 'redline-text' }, r.segments.map((s) => (s.op === 'INSERT' ? h('ins', {}, s.text)
          : s.op === 'DELETE' ? h('del', {}, s.text) : s.text))));
    } catch (err) {
      render(out, notice(err.message));
    }
  } }, pick('redlineFrom', 'Compare', versions[versions.length - 2]), pick('redlineTo', 'with', versions[versions.length - 1]),
  h('button', { type: 'submit' }, 'Show changes'));
  return h('section', { class: 'card', 'aria-labelledby': 'redline-h', id: 'redline' },
    h('h2', { id: 'redline-h' }, 'Changes between versions'), form, out);
}

const OBLIGATION_KINDS = [['PAYMENT', 'Payment'], ['DELIVERY', 'Delivery'], ['REPORT', 'Report'], ['NOTICE', 'Notice'], ['CUSTOM', 'Other']];
const SCHEDULES = [['ONE_OFF', 'once'], ['MONTHLY', 'monthly'], ['QUARTERLY', 'quarterly'], ['YEARLY', 'yearly']];
const INSTALMENT_LABELS = {
  MET_ON_TIME: 'Met on time', MET_LATE: 'Met late', MISSED: 'Missed', WAIVED: 'Waived', CANCELLED: 'Cancelled',
};

/**
 * How an instalment stands: open (due, or overdue once its due day has passed; escalated after
 * the grace period), met on time, met late, missed, waived.
 */
function instalmentStatus(i) {
  if (i.status === 'OPEN') {
    const late = i.overdue || i.dueOn < new Date().toLocaleDateString('en-CA');
    return h('span', { class: 'badge ' + (late ? 'status-rejected' : 'status-in_review') },
      i.overdue ? 'Overdue, escalated' : late ? 'Overdue' : 'Due');
  }
  const good = i.status === 'MET_ON_TIME' || i.status === 'WAIVED';
  return h('span', { class: 'badge ' + (good ? 'status-active' : i.status === 'CANCELLED' ? 'status-expired' : 'status-rejected') },
    INSTALMENT_LABELS[i.status] || i.status);
}

/**
 * The open "Record fulfilment" task of an instalment, among the contract's open tasks: the one whose
 * process runs this instalment (the task's instalmentId), never guessed from the due date (two
 * obligations due the same day would swap their links).
 */
function fulfilmentTask(instalment, tasks) {
  return tasks.find((t) => t.key === 'Task_RecordFulfilment' && t.instalmentId === instalment.id);
}

/**
 * Obligations: what the contract promises and who owes it; each instalment's due date and outcome
 * (met on time, late, missed, waived), and for an open one the link to the task that records its
 * fulfilment. The owner and admins add obligations, by hand or from the payment terms read from the
 * contract's document.
 */
export function obligationsSection(contract, mayManage, process) {
  const box = h('div', {}, h('p', { class: 'muted' }, 'Loading…'));
  const messages = h('div', { 'aria-live': 'assertive' });
  const section = h('section', { class: 'card', 'aria-labelledby': 'obligations-h', id: 'obligations' },
    h('h2', { id: 'obligations-h' }, 'Obligations'), messages, box);
  const base = '/api/contracts/' + contract.id + '/obligations';
  const tasks = process?.openTasks || [];

  async function show() {
    const obligations = await get(base);
    const rows = obligations.flatMap((o) => o.instalments.map((i) => ({ o, i })));
    const columns = [
      { label: 'Obligation', cell: ({ o, i }) => [o.title, h('br'), h('small', { class: 'muted' },
        (OBLIGATION_KINDS.find(([k]) => k === o.kind) || [o.kind, o.kind])[1]
          + (o.instalments.length > 1 ? ' · ' + i.seq + ' of ' + o.instalments.length : '')
          + (o.amount ? ' · ' + money({ amount: o.amount, currency: o.currency }) : ''))] },
      { label: 'Owed by', cell: ({ o }) => (o.owedBy === 'US' ? 'Us' : contract.counterparty?.name || 'Counterparty') },
      { label: 'Owner', cell: ({ o }) => (o.ownerType === 'GROUP' ? 'group ' : '') + o.ownerId },
      { label: 'Due', cell: ({ i }) => date(i.dueOn) },
      { label: 'Status', cell: ({ i }) => instalmentStatus(i) },
      { label: 'Fulfilment', cell: ({ i }) => {
        if (i.status !== 'OPEN') {
          return [i.outcomeBy ? i.outcomeBy + ', ' + dateTime(i.outcomeAt) : '—', i.note ? h('br') : null,
            i.note ? h('small', { class: 'muted' }, i.note) : null];
        }
        const task = fulfilmentTask(i, tasks);
        if (task) {
          return h('a', { href: '#/tasks/' + encodeURIComponent(task.id), class: 'record-fulfilment' }, 'Record fulfilment');
        }
        return h('span', { class: 'muted' }, i.started ? 'Task not open yet' : 'Starts when the contract is active');
      } },
    ];
    render(box, table('Obligations', columns, rows, 'No obligations recorded.'), mayManage ? addForm() : null);
  }

  function addForm() {
    const today = new Date().toLocaleDateString('en-CA');
    return h('details', { class: 'add-obligation' }, h('summary', {}, 'Add an obligation'),
      h('p', {}, h('button', { type: 'button', id: 'obligation-from-terms', onclick: () => change(
        () => call(base + '/from-extracted-terms', { method: 'POST' }),
        'Payment obligation added from the document\'s payment terms') },
      'Add the payment obligation of the document\'s payment terms'),
      ' ', h('small', { class: 'muted' }, 'Net N days: one payment of the contract\'s value; a rhythm (quarterly in advance…): every period to the end date.')),
      h('form', { id: 'obligation-form', onsubmit: (e) => {
        e.preventDefault();
        const d = new FormData(e.target);
        const amount = d.get('obligationAmount').trim();
        const body = {
          kind: d.get('obligationKind'),
          title: d.get('obligationTitle').trim(),
          owner: { type: d.get('obligationOwnerType'), id: d.get('obligationOwner').trim() },
          owedBy: d.get('obligationOwedBy'),
          schedule: d.get('obligationSchedule'),
          firstDue: d.get('obligationDue'),
          until: d.get('obligationUntil') || null,
          amount: amount ? { amount: Number(amount), currency: d.get('obligationCurrency').trim().toUpperCase() } : null,
        };
        change(() => call(base, { method: 'POST', body }), 'Obligation added: ' + body.title);
      } },
      h('div', { class: 'grid two' },
        field('What', h('input', { id: 'obligationTitle', name: 'obligationTitle', required: true, maxlength: 200 })),
        field('Kind', select('obligationKind', OBLIGATION_KINDS, 'DELIVERY')),
        field('Owed by', select('obligationOwedBy', [['COUNTERPARTY', 'the counterparty'], ['US', 'us']], 'COUNTERPARTY')),
        field('Owner', h('input', { id: 'obligationOwner', name: 'obligationOwner', required: true, maxlength: 64, value: contract.owner, autocomplete: 'off' }),
          'Who records its fulfilment'),
        field('Owner is a', select('obligationOwnerType', [['USER', 'user'], ['GROUP', 'group']], 'USER')),
        field('Schedule', select('obligationSchedule', SCHEDULES, 'ONE_OFF')),
        field('First due', h('input', { id: 'obligationDue', name: 'obligationDue', type: 'date', required: true, value: today })),
        field('Until', h('input', { id: 'obligationUntil', name: 'obligationUntil', type: 'date' }), 'For a schedule; the contract\'s end if empty'),
        field('Amount', h('input', { id: 'obligationAmount', name: 'obligationAmount', inputmode: 'decimal', pattern: '[0-9]+([.][0-9]{1,2})?' }), 'Payments'),
        field('Currency', h('input', { id: 'obligationCurrency', name: 'obligationCurrency', maxlength: 3, value: contract.value?.currency || 'EUR' }))),
      h('button', { type: 'submit', class: 'primary' }, 'Add obligation')));
  }

  async function change(run, done) {
    render(messages);
    try {
      await run();
      toast(done);
      await show();
    } catch (e) {
      render(messages, notice(e.message));
    }
  }

  show().catch((e) => render(box, notice(e.message)));
  return section;
}
