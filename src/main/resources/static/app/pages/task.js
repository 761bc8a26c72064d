// One task: its Camunda Form rendered with form-js from the API's schema and values, completed
// through the API, which checks the values against the same form.
import { get, post, ApiError } from '../api.js';
import { h, render, notice, dateTime, tasklistLink, toast } from '../ui.js';
import { formViewer, stylesheet } from '../vendor.js';

export async function taskPage({ main, me, navigate }, taskId) {
  stylesheet('/app/diagram.css');
  const task = await get('/api/tasks/' + encodeURIComponent(taskId));
  document.title = task.name + ' · ContractFlow';
  const formBox = h('div', { class: 'task-form', id: 'task-form' });
  const errors = h('div', { 'aria-live': 'assertive' });
  const submit = h('button', { type: 'button', class: 'primary', id: 'complete-task' }, 'Complete task');
  const claim = !task.assignee
    ? h('button', { type: 'button', id: 'claim-task', onclick: async () => {
      await post('/api/tasks/' + task.id + '/claim');
      toast('The task is yours now.');
      await taskPage({ main, me, navigate }, taskId);
    } }, 'Claim')
    : null;
  render(main,
    h('p', {}, h('a', { href: '#/tasks' }, '← Tasks')),
    h('h1', {}, task.name),
    h('p', { class: 'muted' },
      h('a', { href: '#/contracts/' + task.contractId }, (task.reference || '') + ' · ' + (task.contractTitle || '')),
      ' · ', task.phase || '',
      task.due ? ' · due ' + dateTime(task.due) : '',
      ' · ', task.assignee ? 'assigned to ' + task.assignee : 'for ' + (task.candidateGroups || []).join(', '),
      ' · ', h('a', { href: tasklistLink(task) }, 'open in Tasklist')),
    claim,
    errors,
    formBox,
    task.form ? h('p', {}, submit) : notice('This task has no form the workspace can show: complete it in Tasklist.', 'info'));
  if (!task.form) return;

  const [schema, values, FormViewer] = await Promise.all([
    get(task.form),
    get(task.form + '/variables'),
    formViewer(),
  ]);
  const form = new FormViewer.Form({ container: formBox });
  await form.importSchema(schema, values);

  submit.addEventListener('click', async () => {
    // form-js debounces typing and takes it in on blur: a click or Enter that does not move the
    // focus (a keyboard shortcut, a script) would otherwise complete without the last words typed
    if (formBox.contains(document.activeElement)) document.activeElement.blur();
    await new Promise((resolve) => setTimeout(resolve));
    const result = form.submit();
    if (Object.keys(result.errors || {}).length) {
      render(errors, notice('Some fields need your attention.'));
      return;
    }
    submit.disabled = true;
    try {
      await post('/api/tasks/' + task.id + '/complete', { values: onlyInputs(result.data, schema) });
      toast('Done: “' + task.name + '” is complete.');
      navigate('/contracts/' + task.contractId);
    } catch (e) {
      submit.disabled = false;
      const fields = e instanceof ApiError && e.problem && e.problem.errors;
      render(errors, notice(e.message));
      if (fields) markFields(formBox, fields);
    }
  });
}

/** The values of the form's input fields (form-js also returns the data it was given). */
function onlyInputs(data, schema) {
  const keys = new Set();
  const walk = (components) => (components || []).forEach((c) => {
    if (c.key && !c.readonly && !c.disabled && c.type !== 'text') keys.add(c.key);
    walk(c.components);
  });
  walk(schema.components);
  return Object.fromEntries(Object.entries(data).filter(([k, v]) => keys.has(k) && v !== undefined));
}

/** Marks the fields the API named (values.<key>) as invalid, for screen readers too. */
function markFields(container, fields) {
  for (const f of fields) {
    const key = String(f.field).replace(/^values\./, '');
    const input = container.querySelector('[name="' + CSS.escape(key) + '"]');
    if (input) input.setAttribute('aria-invalid', 'true');
  }
}
