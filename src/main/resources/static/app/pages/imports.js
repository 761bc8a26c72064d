// Import: bring in a folder of signed contracts. Choose a ZIP of PDF/DOCX files (and optionally a
// CSV of known facts per file), upload it with progress, then follow the import: n of N files done,
// each file's status and contract, failures with their reasons, and a resume button for failed
// steps. Admins may also accept, in bulk, the files whose facts were all read with confidence.
import { get, post, uploadParts } from '../api.js';
import { h, render, notice, toast, field, table, dateTime } from '../ui.js';

const POLL_MS = 2000;

const STATUS_LABELS = {
  QUEUED: 'Queued',
  CHECKED: 'Checked',
  READ: 'Facts read',
  AWAITING_VERIFICATION: 'Waiting for verification',
  ACTIVE: 'Active',
  EXPIRED: 'Expired',
  DUPLICATE: 'Duplicate',
  FAILED: 'Failed',
};

export async function importsPage(ctx) {
  const { main, navigate } = ctx;
  document.title = 'Import · ContractFlow';
  const imports = await get('/api/imports');
  const messages = h('div', { 'aria-live': 'assertive' });
  const progress = h('progress', { id: 'import-progress', max: 1, value: 0, hidden: true });

  const form = h('form', { class: 'stack', id: 'import-form', onsubmit: async (e) => {
    e.preventDefault();
    render(messages);
    const archive = e.target.querySelector('#import-archive').files[0];
    const facts = e.target.querySelector('#import-facts').files[0];
    if (!archive) {
      render(messages, notice('Choose a ZIP of PDF and DOCX files.'));
      return;
    }
    const button = e.target.querySelector('button[type=submit]');
    button.disabled = true;
    progress.hidden = false;
    try {
      const started = await uploadParts('/api/imports', { archive, facts }, (p) => { progress.value = p; });
      toast('Import started: ' + started.total + ' files');
      navigate('/imports/' + started.id);
    } catch (err) {
      render(messages, notice(err.message));
    } finally {
      button.disabled = false;
      progress.hidden = true;
    }
  } },
  field('ZIP of signed contracts', h('input', { id: 'import-archive', name: 'archive', type: 'file', accept: '.zip,application/zip', required: true }),
    'PDF and DOCX files, in folders if you like; other files are refused'),
  field('Known facts (CSV, optional)', h('input', { id: 'import-facts', name: 'facts', type: 'file', accept: '.csv,text/csv' }),
    'Columns: file, title, type, counterparty, effectiveDate, endDate, autoRenewal, renewalTerm, noticePeriod, value, currency, owner'),
  progress,
  h('button', { type: 'submit', class: 'primary' }, 'Import'));

  const list = table('Imports', [
    { label: 'Archive', cell: (i) => h('a', { href: '#/imports/' + i.id }, i.archiveName) },
    { label: 'Started', cell: (i) => i.createdBy + ', ' + dateTime(i.createdAt) },
    { label: 'Done', cell: (i) => i.done + ' of ' + i.total },
    { label: 'Failed', cell: (i) => String(i.failed) },
  ], imports, 'No imports yet.');

  render(main,
    h('h1', {}, 'Import contracts'),
    messages,
    h('section', { class: 'card', 'aria-labelledby': 'import-new-h' },
      h('h2', { id: 'import-new-h' }, 'Import a folder of signed contracts'),
      h('p', {}, 'Each file becomes a contract once you have verified the facts read from it; then it joins its active term, or expires if its end date has passed. The same file imported twice is one contract.'),
      form),
    h('section', { class: 'card', 'aria-labelledby': 'import-list-h' },
      h('h2', { id: 'import-list-h' }, 'Imports'), list));
}

export async function importPage(ctx, id) {
  const { main, me } = ctx;
  document.title = 'Import · ContractFlow';
  const isAdmin = (me?.roles || []).includes('contract-admin');
  const messages = h('div', { 'aria-live': 'assertive' });
  const view = h('div', { id: 'import-view' });
  const here = () => location.hash === '#/imports/' + id;

  const act = async (label, path, key) => {
    render(messages);
    try {
      const result = await post(path, null);
      toast(label + ': ' + result[key]);
      await refresh();
    } catch (e) {
      render(messages, notice(e.message));
    }
  };

  async function refresh() {
    const imp = await get('/api/imports/' + id);
    const failed = imp.files.filter((f) => f.status === 'FAILED');
    const retryable = failed.some((f) => f.retryable);
    render(view,
      h('p', { id: 'import-summary', 'aria-live': 'polite' },
        h('strong', {}, imp.done + ' of ' + imp.total), ' files done',
        failed.length ? ' · ' + failed.length + ' failed' : ''),
      h('progress', { max: imp.total, value: imp.done, 'aria-label': 'Files done' }),
      h('div', { class: 'actions' },
        retryable ? h('button', { type: 'button', id: 'import-resume', onclick: () => act('Retried', '/api/imports/' + id + '/resume', 'retried') }, 'Resume failed files') : null,
        isAdmin ? h('button', { type: 'button', id: 'import-accept', onclick: () => act('Accepted', '/api/imports/' + id + '/accept-confident', 'accepted') }, 'Accept confident facts') : null),
      table('Files', [
        { label: 'File', cell: (f) => f.fileName },
        { label: 'Status', cell: (f) => STATUS_LABELS[f.status] || f.status },
        { label: 'Contract', cell: (f) => f.contractId ? h('a', { href: '#/contracts/' + f.contractId }, 'Open') : '—' },
        { label: 'Details', cell: (f) => f.failure ? f.failure
          : f.unconfirmed && f.unconfirmed.length ? 'Confirm: ' + f.unconfirmed.join(', ') : '—' },
      ], imp.files, 'No files.'));
    return imp;
  }

  render(main,
    h('h1', {}, 'Import'),
    h('p', {}, h('a', { href: '#/imports' }, '← All imports')),
    messages,
    h('section', { class: 'card' }, view));
  let imp = await refresh();
  // follow the import while it runs and the page is shown
  while (here() && imp.done < imp.total) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (!here()) break;
    try {
      imp = await refresh();
    } catch (e) {
      render(messages, notice(e.message));
      break;
    }
  }
}
