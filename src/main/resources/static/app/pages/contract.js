// Contract: its facts (editable while a draft), documents, open tasks, timeline and actions, each
// from the public API.
import { call, get, post, query, upload } from '../api.js';
import { h, render, notice, toast, statusBadge, money, date, dateTime, bytes, tasklistLink, table } from '../ui.js';
import { factsForm, saveDraft } from './draft.js';
import { processDiagram } from '../diagram.js';
import { signingSection, sharesSection, redlineSection, obligationsSection } from '../contract-parts.js';
import { customFieldPairs } from '../custom-fields.js';

const CANCELLABLE = ['DRAFT', 'IN_REVIEW', 'APPROVED', 'SIGNING'];
// only these roles change contracts (an auditor or reviewer reads them): others are not offered the
// actions; the API decides anyway, for the contract at hand
const EDITING_ROLES = ['requester', 'contract-admin'];
// who places and lifts legal holds (issue 21): retention neither lists nor deletes a held contract
const HOLD_ROLES = ['contract-admin', 'legal-reviewer'];

export async function contractPage(ctx, id) {
  const { main } = ctx;
  const mayChange = (ctx.me?.roles || []).some((r) => EDITING_ROLES.includes(r));
  const [{ data: contract, etag }, documents, process, history] = await Promise.all([
    call('/api/contracts/' + id),
    get('/api/contracts/' + id + '/documents'),
    get('/api/contracts/' + id + '/process').catch(() => null),
    get('/api/contracts/' + id + '/history' + query({ size: 100 })).catch(() => null),
  ]);
  document.title = contract.reference + ' · ContractFlow';
  const customPairs = await customFieldPairs(contract);
  const again = () => contractPage(ctx, id);
  const messages = h('div', { 'aria-live': 'assertive' });

  const act = async (label, run) => {
    render(messages);
    try {
      await run();
      toast(label);
      await again();
    } catch (e) {
      render(messages, notice(e.message));
    }
  };

  const actions = !mayChange ? h('p', { class: 'muted', id: 'read-only' }, 'You can read this contract; you cannot change it.')
    : h('div', { class: 'actions', role: 'group', 'aria-label': 'Actions' },
    contract.status === 'DRAFT'
      ? h('button', { type: 'button', class: 'primary', id: 'submit-draft', onclick: () => act('Submitted for review',
        async () => {
          await post('/api/contracts/' + id + '/submit', { nonStandardTerms: false });
          await statusLeaves(id, 'DRAFT');
        }) }, 'Submit for review')
      : null,
    contract.status === 'DRAFT'
      ? h('button', { type: 'button', id: 'edit', onclick: () => edit() }, 'Edit facts') : null,
    CANCELLABLE.includes(contract.status)
      ? h('button', { type: 'button', class: 'danger', onclick: () => {
        if (confirm('Cancel ' + contract.reference + '? This cannot be undone.')) {
          act('Cancelled', () => call('/api/contracts/' + id + '/cancel', { method: 'POST', headers: { 'If-Match': etag } }));
        }
      } }, 'Cancel contract') : null,
    contract.status === 'ACTIVE' ? terminateForm(id, act) : null);

  const facts = h('section', { class: 'card', 'aria-labelledby': 'facts-h' },
    h('h2', { id: 'facts-h' }, 'Facts'),
    h('dl', { class: 'facts' },
      pair('Counterparty', contract.counterparty?.name),
      pair('Type', contract.type),
      pair('Value', money(contract.value)),
      pair('Owner', contract.owner),
      pair('Start', date(contract.startDate)),
      pair('End', contract.endDate ? date(contract.endDate) : 'Open-ended'),
      pair('Renewal', renewalText(contract.renewal)),
      pair('Tags', (contract.tags || []).join(', ') || '—'),
      customPairs,
      pair('Updated', dateTime(contract.updatedAt))),
    contract.description ? h('p', { class: 'description' }, contract.description) : null);

  async function edit() {
    const form = await factsForm(contract, async (body) => {
      await saveDraft(contract, etag, body);
      toast('Draft saved');
      await again();
    }, 'Save draft', () => again());
    render(facts, h('h2', { id: 'facts-h' }, 'Edit facts'), form);
    facts.querySelector('input')?.focus();
  }

  render(main,
    h('p', { class: 'crumbs' }, h('a', { href: '#/contracts' }, 'Contracts'), ' / ', contract.reference),
    h('div', { class: 'page-head' },
      h('h1', {}, contract.title, ' ', statusBadge(contract.status)),
      h('span', { class: 'muted' }, contract.reference + (process?.phase ? ' · phase: ' + process.phase : ''))),
    messages,
    legalHoldSection(contract, (ctx.me?.roles || []).some((r) => HOLD_ROLES.includes(r)), act),
    actions,
    h('div', { class: 'grid two' }, facts, tasksSection(process)),
    documentsSection(contract, documents, again, mayChange),
    redlineSection(id, documents),
    h('div', { class: 'grid two' }, signingSection(id), sharesSection(contract, mayManageShares(ctx.me, contract))),
    obligationsSection(contract, mayChange && mayManageShares(ctx.me, contract), process),
    processDiagram(id),
    timelineSection(history));
}

/**
 * The lifecycle moves a submitted contract on in the background (202 Accepted): wait a little for
 * its status to change, so the page shows where it went.
 */
async function statusLeaves(id, status) {
  for (let i = 0; i < 20; i++) {
    if ((await get('/api/contracts/' + id)).status !== status) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The owner and contract admins decide who else may see a contract. */
function mayManageShares(me, contract) {
  return Boolean(me) && (me.username === contract.owner || (me.roles || []).includes('contract-admin'));
}

function pair(label, value) {
  return [h('dt', {}, label), h('dd', {}, value || '—')];
}

function renewalText(r) {
  if (!r) return '—';
  const parts = [r.autoRenew ? 'Renews automatically' : 'No automatic renewal'];
  if (r.renewalTermMonths) parts.push('for ' + r.renewalTermMonths + ' months');
  if (r.noticePeriodDays != null) parts.push('notice ' + r.noticePeriodDays + ' days');
  return parts.join(', ');
}

/** The contract's legal hold, if any, and for admins and legal reviewers the form to place or lift it. */
function legalHoldSection(contract, mayHold, act) {
  const hold = contract.legalHold;
  if (!hold && !mayHold) return null;
  const path = '/api/contracts/' + contract.id + '/legal-hold';
  const form = !mayHold ? null : h('form', { class: 'inline', id: 'legal-hold-form', onsubmit: (e) => {
    e.preventDefault();
    const reason = new FormData(e.target).get('hold-reason').trim();
    act(hold ? 'Legal hold lifted' : 'Legal hold placed',
      () => hold ? post(path + '/lift', { reason }) : call(path, { method: 'PUT', body: { reason } }));
  } },
  h('label', { for: 'hold-reason' }, hold ? 'Reason to lift the hold' : 'Reason for a legal hold'),
  h('input', { id: 'hold-reason', name: 'hold-reason', required: true, maxlength: 1000 }),
  h('button', { type: 'submit', class: hold ? '' : 'danger' }, hold ? 'Lift legal hold' : 'Place legal hold'));
  return h('section', { class: 'card', id: 'legal-hold', 'aria-labelledby': 'legal-hold-h' },
    h('h2', { id: 'legal-hold-h' }, 'Legal hold'),
    hold
      ? h('p', { role: 'status' }, 'Under legal hold since ' + dateTime(hold.placedAt) + ' (' + hold.placedBy + '): '
        + hold.reason + '. Retention will not delete it.')
      : h('p', { class: 'muted' }, 'Not under legal hold.'),
    form);
}

function terminateForm(id, act) {
  return h('form', { class: 'inline', onsubmit: (e) => {
    e.preventDefault();
    const reason = new FormData(e.target).get('reason').trim();
    act('Terminated', () => post('/api/contracts/' + id + '/terminate', { reason }));
  } },
  h('label', { for: 'reason' }, 'Reason to terminate'),
  h('input', { id: 'reason', name: 'reason', required: true, maxlength: 2000 }),
  h('button', { type: 'submit', class: 'danger' }, 'Terminate'));
}

function documentsSection(contract, documents, again, mayChange) {
  const progress = h('progress', { max: 1, value: 0, hidden: true, 'aria-label': 'Upload progress' });
  const status = h('p', { role: 'status', class: 'muted' });
  const uploadForm = contract.status === 'DRAFT' && mayChange
    ? h('form', { class: 'upload', onsubmit: async (e) => {
      e.preventDefault();
      const file = e.target.elements.file.files[0];
      if (!file) return;
      const button = e.target.querySelector('button');
      button.disabled = true;
      progress.hidden = false;
      progress.value = 0;
      status.textContent = 'Uploading ' + file.name + '…';
      try {
        const version = await upload('/api/contracts/' + contract.id + '/documents', file, (p) => {
          progress.value = p;
          status.textContent = 'Uploading ' + file.name + ': ' + Math.round(p * 100) + '%';
        });
        toast('Version ' + version.version + ' uploaded');
        await again();
      } catch (err) {
        status.replaceWith(notice(err.message));
      } finally {
        button.disabled = false;
      }
    } },
    h('label', { for: 'file' }, 'Upload a new version (PDF or DOCX, or a scan as PNG, JPEG or TIFF)'),
    h('input', { id: 'file', name: 'file', type: 'file', accept: '.pdf,.docx,.png,.jpg,.jpeg,.tif,.tiff,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,image/png,image/jpeg,image/tiff', required: true }),
    h('button', { type: 'submit' }, 'Upload'),
    progress, status)
    : null;
  return h('section', { class: 'card', 'aria-labelledby': 'docs-h' },
    h('h2', { id: 'docs-h' }, 'Documents'),
    table('Document versions', [
      { label: 'Version', cell: (v) => 'v' + v.version + (v.current ? ' (current)' : '') },
      { label: 'File', cell: (v) => [v.fileName, h('br'), h('small', { class: 'muted' },
        bytes(v.size) + (v.pageCount ? ', ' + v.pageCount + (v.pageCount === 1 ? ' page' : ' pages') : ''))] },
      { label: 'Uploaded', cell: (v) => v.uploadedBy + ', ' + dateTime(v.uploadedAt) },
      { label: 'Open', cell: (v) => [
        v.mediaType === 'application/pdf'
          ? h('a', { href: v.contentUrl + '?inline=true', target: '_blank', rel: 'noopener' }, 'View', h('span', { class: 'sr-only' }, ' version ' + v.version))
          : null,
        ' ',
        h('a', { href: v.contentUrl, download: '' }, 'Download', h('span', { class: 'sr-only' }, ' version ' + v.version))] },
    ], documents, 'No document yet. A draft needs one before it can be submitted.'),
    uploadForm);
}

function tasksSection(process) {
  const tasks = process?.openTasks || [];
  return h('section', { class: 'card', 'aria-labelledby': 'ctasks-h' },
    h('h2', { id: 'ctasks-h' }, 'Open tasks'),
    process?.waitingAt?.length ? h('p', { class: 'muted' }, 'Waiting at: ' + process.waitingAt.join(', ')) : null,
    table('Open tasks', [
      { label: 'Task', cell: (t) => h('a', { href: '#/tasks/' + encodeURIComponent(t.id) }, t.name) },
      { label: 'Assigned', cell: (t) => t.assignee || (t.candidateGroups || []).join(', ') || '—' },
      { label: 'Due', cell: (t) => (t.due ? dateTime(t.due) : '—') },
      { label: 'Also in', cell: (t) => h('a', { href: tasklistLink(t) }, 'Tasklist') },
    ], tasks, 'No open tasks.'));
}

function timelineSection(history) {
  if (!history) {
    return h('section', { class: 'card', 'aria-labelledby': 'timeline-h' },
      h('h2', { id: 'timeline-h' }, 'Timeline'), h('p', { class: 'muted' }, 'The history is not available to you.'));
  }
  const v = history.verification;
  return h('section', { class: 'card', 'aria-labelledby': 'timeline-h' },
    h('h2', { id: 'timeline-h' }, 'Timeline'),
    v ? h('p', { class: v.intact ? 'integrity ok' : 'integrity broken' },
      v.intact ? '✔ Audit trail intact (' + v.entries + ' entries, hash-chained)'
        : '✖ Audit trail broken at entry ' + v.brokenAtSeq) : null,
    h('ol', { class: 'timeline' }, history.content.map((e) => h('li', {},
      h('time', { datetime: e.at }, dateTime(e.at)), ' ',
      h('strong', {}, e.actor || 'system'), ' ',
      e.summary || e.kind))));
}
