// The workspace shell: who is signed in, the navigation, and the pages as routes after the '#'.
import { get, csrfToken } from './api.js';
import { h, render, notice } from './ui.js';
import { homePage } from './pages/home.js';
import { contractsPage } from './pages/contracts.js';
import { contractPage } from './pages/contract.js';
import { draftPage } from './pages/draft.js';
import { tasksPage } from './pages/tasks.js';
import { taskPage } from './pages/task.js';
import { reportsPage } from './pages/reports.js';
import { renewalsPage } from './pages/renewals.js';
import { counterpartiesPage } from './pages/counterparties.js';
import { importsPage, importPage } from './pages/imports.js';
import { customFieldsPage } from './pages/custom-fields-admin.js';

const main = document.getElementById('main');
let me = null;

const routes = [
  [/^\/?$/, () => ['home', homePage]],
  [/^\/contracts\/new$/, () => ['new', draftPage]],
  [/^\/contracts\/([0-9a-f-]{36})$/, (m) => ['contracts', (ctx) => contractPage(ctx, m[1])]],
  [/^\/contracts$/, () => ['contracts', contractsPage]],
  [/^\/tasks$/, () => ['tasks', tasksPage]],
  [/^\/tasks\/([^/?#]+)$/, (m) => ['tasks', (ctx) => taskPage(ctx, decodeURIComponent(m[1]))]],
  [/^\/reports(?:\/([a-z-]+))?$/, (m) => ['reports', (ctx) => reportsPage(ctx, m[1])]],
  [/^\/renewals$/, () => ['renewals', renewalsPage]],
  [/^\/counterparties$/, () => ['counterparties', counterpartiesPage]],
  [/^\/imports$/, () => ['imports', importsPage]],
  [/^\/imports\/([0-9a-f-]{36})$/, (m) => ['imports', (ctx) => importPage(ctx, m[1])]],
  [/^\/custom-fields$/, () => ['custom-fields', customFieldsPage]],
];

function currentRoute() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = hash.split('?');
  for (const [pattern, make] of routes) {
    const m = path.match(pattern);
    if (m) {
      const [nav, page] = make(m);
      return { nav, page, params: new URLSearchParams(search) };
    }
  }
  return null;
}

/** Changes the route's query (e.g. a list's filters) and renders again. */
export function navigate(path, params) {
  const q = params && params.toString();
  location.hash = '#' + path + (q ? '?' + q : '');
}

/**
 * Each route draws into a page element of its own: a page still loading when the user moves on
 * draws into a page no longer shown, never over the next one.
 */
async function show() {
  const route = currentRoute();
  const page = document.createElement('div');
  page.className = 'page';
  main.replaceChildren(page);
  document.querySelectorAll('[data-nav]').forEach((a) => {
    if (route && a.dataset.nav === route.nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  if (!route) {
    document.title = 'Not found · ContractFlow';
    render(page, notice('There is no such page.'));
    return;
  }
  render(page, h('p', { class: 'muted', role: 'status' }, 'Loading…'));
  try {
    await route.page({ main: page, me, params: route.params, navigate });
  } catch (e) {
    render(page, notice(e.message));
  }
  if (!page.isConnected) return;
  if (document.activeElement === document.body || !main.contains(document.activeElement)) {
    main.focus({ preventScroll: true });
  }
}

async function start() {
  // the skip link moves the focus to the content; following it as a link would change the route
  document.getElementById('skip').addEventListener('click', (e) => {
    e.preventDefault();
    main.focus();
  });
  document.getElementById('signout').addEventListener('submit', () => {
    document.getElementById('signout-csrf').value = csrfToken();
  });
  try {
    me = await get('/api/me');
  } catch (e) {
    render(main, notice(e.message));
    return;
  }
  document.getElementById('who').textContent = me.username;
  // only requesters and admins draft contracts: others are not offered it (the API refuses anyway)
  if (!(me.roles || []).some((r) => r === 'requester' || r === 'contract-admin')) {
    document.querySelector('[data-nav="new"]').parentElement.hidden = true;
    document.querySelector('[data-nav="imports"]').parentElement.hidden = true;
  }
  // only contract admins define custom fields (the API refuses others anyway)
  if (!(me.roles || []).includes('contract-admin')) {
    document.querySelector('[data-nav="custom-fields"]').parentElement.hidden = true;
  }
  window.addEventListener('hashchange', show);
  await show();
}

// a failure no page caught still tells the user, rather than leaving "Loading…"
window.addEventListener('unhandledrejection', (e) => {
  render(main, notice('Something went wrong: ' + (e.reason?.message || e.reason)));
});

start();
