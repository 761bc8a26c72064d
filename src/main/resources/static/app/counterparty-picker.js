// A counterparty picker for forms: a combobox (WAI-ARIA 1.2, list autocomplete) that asks
// GET /api/counterparties?name=... as one types, so any counterparty can be chosen however many
// there are. The chosen counterparty's id is the value of a hidden input named like the picker,
// so the form's FormData carries it. Keys: ArrowDown opens the list and moves down, ArrowUp up,
// Enter chooses, Escape closes (or clears); the mouse chooses with a click.
import { get, query } from './api.js';
import { h, render } from './ui.js';

const MATCHES = 10;
const PAUSE_MS = 200;

/**
 * A picker for the form field `id`. `chosen` is the counterparty it shows at first ({ id, name },
 * or just { id }: its name is then read from the API), or null. `extra` are choices offered after
 * the matches, as [value, label] (e.g. ['new', 'Add a new counterparty…']). Returns { element,
 * input, value(), onChange(fn) }; onChange's fn gets the chosen value ('' when none).
 */
export function counterpartyPicker(id, chosen, { required = false, extra = [] } = {}) {
  const listId = id + '-list';
  const input = h('input', {
    id, type: 'text', role: 'combobox', autocomplete: 'off', spellcheck: 'false',
    'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': listId,
    placeholder: 'Type to search', required,
  });
  const value = h('input', { type: 'hidden', name: id, id: id + '-value', value: '' });
  const list = h('ul', { id: listId, role: 'listbox', 'aria-label': 'Counterparties', hidden: true });
  const status = h('span', { class: 'sr-only', role: 'status', 'aria-live': 'polite' });
  const element = h('div', { class: 'picker' }, input, value, list, status);
  const listeners = [];
  let options = [];
  let active = -1;
  let chosenLabel = '';
  let asked = 0;
  let timer;

  function set(v, label) {
    value.value = v;
    chosenLabel = label;
    input.value = label;
    input.setCustomValidity('');
    listeners.forEach((fn) => fn(v));
  }

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function highlight(i) {
    active = i;
    options.forEach((o, n) => o.el.setAttribute('aria-selected', String(n === i)));
    if (i < 0) {
      input.removeAttribute('aria-activedescendant');
    } else {
      input.setAttribute('aria-activedescendant', options[i].el.id);
      options[i].el.scrollIntoView({ block: 'nearest' });
    }
  }

  function choose(o) {
    if (!o) return;
    set(o.value, o.label);
    close();
  }

  async function search(text) {
    const mine = ++asked;
    let page;
    try {
      page = await get('/api/counterparties' + query({ name: text, size: MATCHES, sort: 'name,asc' }));
    } catch (err) {
      if (mine === asked) render(status, err.message);
      return;
    }
    if (mine !== asked || document.activeElement !== input) return;
    const found = page.content.map((p) => [p.id, p.name]);
    const total = page.page?.totalElements ?? found.length;
    options = [...found, ...extra].map(([v, label], n) => {
      const o = { value: v, label };
      o.el = h('li', {
        id: id + '-option-' + n, role: 'option', 'aria-selected': 'false', 'data-value': v,
        onmousedown: (e) => e.preventDefault(),
        onclick: () => choose(o),
      }, label);
      return o;
    });
    const more = total > found.length
      ? h('li', { class: 'more', role: 'presentation' }, (total - found.length) + ' more: type more of the name')
      : null;
    const none = found.length ? null : h('li', { class: 'none', role: 'presentation' }, 'No counterparty matches');
    const els = options.map((o) => o.el);
    render(list, none, els.slice(0, found.length), more, els.slice(found.length));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(-1);
    render(status, found.length
      ? total + (total === 1 ? ' counterparty matches' : ' counterparties match')
      : 'No counterparty matches');
  }

  /** The text to search for: all counterparties while the box shows the one chosen. */
  const typed = () => (input.value === chosenLabel ? '' : input.value.trim());

  input.addEventListener('input', () => {
    if (value.value) {
      value.value = '';
      listeners.forEach((fn) => fn(''));
    }
    chosenLabel = '';
    input.setCustomValidity(input.value.trim() ? 'Choose a counterparty from the list' : '');
    clearTimeout(timer);
    timer = setTimeout(() => search(typed()), PAUSE_MS);
  });
  input.addEventListener('keydown', (e) => {
    const open = !list.hidden;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) search(typed());
      else highlight(Math.min(active + 1, options.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (open) highlight(Math.max(active - 1, 0));
    } else if (e.key === 'Enter') {
      if (open && active >= 0) {
        e.preventDefault();
        choose(options[active]);
      } else if (open) {
        e.preventDefault();
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        close();
      } else if (input.value) {
        e.preventDefault();
        set('', '');
      }
    }
  });
  input.addEventListener('click', () => {
    if (list.hidden) search(typed());
  });
  input.addEventListener('blur', () => {
    clearTimeout(timer);
    asked++;
    close();
  });

  if (chosen?.id) {
    if (chosen.name) {
      set(chosen.id, chosen.name);
    } else {
      value.value = chosen.id;
      get('/api/counterparties/' + encodeURIComponent(chosen.id))
        .then((p) => { if (value.value === chosen.id) set(p.id, p.name); })
        .catch(() => { if (value.value === chosen.id) set(chosen.id, chosen.id); });
    }
  }

  return {
    element,
    input,
    value: () => value.value,
    onChange: (fn) => listeners.push(fn),
  };
}
