// Renewals: the renewals calendar's events of the next days (GET /api/calendar/events) as an
// agenda by month and day, each linking to its contract; and the personal calendar feeds
// (/api/calendar/feed-tokens): create one (its link is shown only once), list, revoke.
import { get, post, call, query } from '../api.js';
import { h, render, field, statusBadge, date, dateTime, daysFromToday, notice, toast } from '../ui.js';

const KINDS = {
  NOTICE_DEADLINE: ['Notice deadline', 'kind-notice'],
  END_DATE: ['Ends', 'kind-end'],
  RENEWAL_DECISION: ['Renewal decision due', 'kind-decision'],
};

function monthOf(iso) {
  return new Date(iso + 'T00:00:00').toLocaleDateString(undefined, { year: 'numeric', month: 'long' });
}

function dayOf(iso) {
  return new Date(iso + 'T00:00:00').toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
}

function groupBy(items, key) {
  const groups = new Map();
  for (const item of items) {
    const k = key(item);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(item);
  }
  return groups;
}

function eventItem(e) {
  const [label, cls] = KINDS[e.kind] || [e.kind, ''];
  return h('li', { class: 'event' },
    h('span', { class: 'badge ' + cls }, label),
    ' ',
    h('a', { href: '#/contracts/' + e.contractId }, e.reference + ' · ' + e.title),
    ' ',
    h('span', { class: 'muted' },
      [e.counterparty, e.at ? 'at ' + dateTime(e.at) : null, e.endDate && e.kind !== 'END_DATE' ? 'ends ' + date(e.endDate) : null]
        .filter(Boolean).join(' · ')),
    ' ', statusBadge(e.status));
}

/** The events by month, then by day. */
function agenda(events) {
  if (!events.length) return h('p', { class: 'muted' }, 'No notice deadlines, end dates or renewal decisions in this period.');
  return h('div', { class: 'agenda' },
    [...groupBy(events, (e) => e.date.slice(0, 7))].map(([, inMonth]) => h('section', { class: 'agenda-month' },
      h('h3', {}, monthOf(inMonth[0].date)),
      h('dl', {}, [...groupBy(inMonth, (e) => e.date)].map(([day, onDay]) => [
        h('dt', {}, h('time', { datetime: day }, dayOf(day))),
        h('dd', {}, h('ul', { class: 'plain' }, onDay.map(eventItem))),
      ])))));
}

export async function renewalsPage({ main, params, navigate }) {
  document.title = 'Renewals · ContractFlow';
  const asked = Number(params.get('days') || 90);
  const days = Number.isInteger(asked) && asked >= 1 && asked <= 365 ? asked : 90;
  const [listing, feeds] = await Promise.all([
    get('/api/calendar/events' + query({ from: daysFromToday(0), to: daysFromToday(days) })),
    get('/api/calendar/feed-tokens'),
  ]);

  const period = h('form', { class: 'filters', onsubmit: (e) => {
    e.preventDefault();
    navigate('/renewals', new URLSearchParams({ days: e.target.elements.days.value }));
  } },
  field('Days ahead', h('input', { id: 'days', name: 'days', type: 'number', min: 1, max: 365, value: days, required: true }), '1–365'),
  h('div', { class: 'field actions' }, h('button', { type: 'submit', class: 'primary' }, 'Show')));

  const feedsSection = h('section', { class: 'card', 'aria-labelledby': 'feeds-h' });
  render(main,
    h('div', { class: 'page-head' },
      h('h1', {}, 'Renewals'),
      h('p', { class: 'muted crumbs' }, 'Notice deadlines, end dates and renewal decisions of the contracts you may read')),
    h('section', { class: 'card', 'aria-labelledby': 'agenda-h' },
      h('h2', { id: 'agenda-h' }, 'The next ' + days + ' days ', h('span', { class: 'count' }, String(listing.events.length))),
      period,
      listing.truncated ? notice('The list was cut: choose fewer days to see them all.', 'info') : null,
      agenda(listing.events)),
    feedsSection);
  showFeeds(feedsSection, feeds, null);
}

/** The feeds section; `created` is a feed just made, whose link is shown this once. */
function showFeeds(section, feeds, created) {
  const reload = async (justCreated) => showFeeds(section, await get('/api/calendar/feed-tokens'), justCreated);
  const status = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'filters', onsubmit: async (e) => {
    e.preventDefault();
    const button = e.target.querySelector('button');
    button.disabled = true;
    try {
      const made = await post('/api/calendar/feed-tokens', { label: e.target.elements.feedLabel.value.trim() || undefined });
      await reload(made);
      document.getElementById('feed-url')?.focus();
    } catch (err) {
      button.disabled = false;
      render(status, notice(err.message));
    }
  } },
  field('Name it after the app', h('input', { id: 'feedLabel', name: 'feedLabel', maxlength: 100, placeholder: 'e.g. Phone' })),
  h('div', { class: 'field actions' }, h('button', { type: 'submit', class: 'primary' }, 'Create a feed link')));

  render(section,
    h('h2', { id: 'feeds-h' }, 'Subscribe in your calendar app'),
    h('p', {}, 'A feed link puts these dates into Google Calendar ("From URL"), Apple Calendar ("New Calendar Subscription") or Outlook ("Subscribe from web"), with reminders 7 days and 1 day before each notice deadline. Your app fetches it on its own schedule, so changes can take a few hours to show.'),
    h('p', {}, h('strong', {}, 'Keep the link to yourself: '), 'anyone who has it reads your renewals calendar (titles, references, counterparties, dates). Make one link per app, and revoke a link you no longer use or may have shared by mistake: it stops working at once.'),
    created ? createdFeed(created) : null,
    form,
    status,
    h('h3', {}, 'My feed links ', h('span', { class: 'count' }, String(feeds.length))),
    feeds.length
      ? h('ul', { class: 'plain feeds' }, feeds.map((f) => h('li', {},
        h('strong', {}, f.label), ' ',
        h('span', { class: 'muted' }, 'created ' + dateTime(f.createdAt) + ' · ' + (f.lastUsedAt ? 'last fetched ' + dateTime(f.lastUsedAt) : 'not fetched yet')),
        ' ',
        h('button', { type: 'button', class: 'danger', 'aria-label': 'Revoke ' + f.label, onclick: async (e) => {
          if (!confirm('Revoke the feed link "' + f.label + '"? Calendars subscribed to it stop updating.')) return;
          e.target.disabled = true;
          try {
            await call('/api/calendar/feed-tokens/' + f.id, { method: 'DELETE' });
            toast('Feed link "' + f.label + '" revoked');
            await reload(null);
          } catch (err) {
            e.target.disabled = false;
            render(status, notice(err.message));
          }
        } }, 'Revoke'))))
      : h('p', { class: 'muted' }, 'No feed links yet.'));
}

function createdFeed(created) {
  const url = h('input', { id: 'feed-url', type: 'text', readonly: true, value: created.url, class: 'feed-url',
    onfocus: (e) => e.target.select() });
  return h('div', { class: 'notice ok created-feed', role: 'status' },
    h('p', {}, h('strong', {}, 'Your new feed link "' + created.label + '". '),
      'Copy it now: it is shown only this once. Paste it into your calendar app as a subscription.'),
    field('Feed link', url),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', onclick: async () => {
      try {
        await navigator.clipboard.writeText(created.url);
      } catch {
        url.select();
        document.execCommand('copy');
      }
      toast('Feed link copied');
    } }, 'Copy link')));
}
