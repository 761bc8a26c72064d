// Tasks: mine and my groups', each opened in the workspace (its Camunda Form) or in Tasklist.
import { get, post } from '../api.js';
import { h, render, table, dateTime, tasklistLink, toast } from '../ui.js';

export async function tasksPage({ main, me }) {
  document.title = 'Tasks · ContractFlow';
  const tasks = await get('/api/tasks');
  const mine = tasks.filter((t) => t.assignee === me.username);
  const offered = tasks.filter((t) => !t.assignee);
  const refresh = () => tasksPage({ main, me });
  render(main,
    h('h1', {}, 'Tasks'),
    section('mine-h', 'Assigned to me', mine, 'Nothing is assigned to you.', null),
    section('offered-h', "My groups' tasks", offered,
      'No unclaimed tasks for your groups.', (t) => claimButton(t, refresh)));
}

function section(id, title, tasks, empty, action) {
  const columns = [
    { label: 'Task', cell: (t) => h('a', { href: '#/tasks/' + t.id }, t.name) },
    { label: 'Contract', cell: (t) => h('a', { href: '#/contracts/' + t.contractId },
      (t.reference || '') + ' · ' + (t.contractTitle || '')) },
    { label: 'For', cell: (t) => t.assignee || (t.candidateGroups || []).join(', ') },
    { label: 'Due', cell: (t) => (t.due ? dateTime(t.due) : '—') },
    { label: 'Also in', cell: (t) => h('a', { href: tasklistLink(t) }, 'Tasklist') },
  ];
  if (action) columns.push({ label: 'Action', cell: action });
  return h('section', { class: 'card', 'aria-labelledby': id },
    h('h2', { id }, title, ' ', h('span', { class: 'count' }, String(tasks.length))),
    table(title, columns, tasks, empty));
}

function claimButton(task, refresh) {
  return h('button', {
    type: 'button',
    onclick: async (e) => {
      e.target.disabled = true;
      try {
        await post('/api/tasks/' + task.id + '/claim');
        toast('You took “' + task.name + '”.');
        await refresh();
      } catch (err) {
        e.target.disabled = false;
        toast(err.message);
      }
    },
  }, 'Claim');
}
