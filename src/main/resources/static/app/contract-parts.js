// More of a contract's page, each section from the public API: signing (signers and their status),
// shares (who else may view or edit), and the redline between two document versions.
import { get, call } from './api.js';
import { h, render, notice, dateTime, toast, table } from './ui.js';

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
