/*
 * Tasklist plugins (ES modules, loaded through config.js's customScripts): every task links to its
 * contract's page in the ContractFlow workspace (/contracts/{id}). The contract is the task's
 * "contractId" variable, read through the engine API Tasklist itself uses, with the caller's rights;
 * the workspace checks again whether the reader may see the contract. Text goes in as text, never
 * as HTML.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The platform's root: the webapps live one path segment below it (/camunda by default). */
function platformRoot() {
  const appRoot = document.querySelector('base').getAttribute('app-root') || '';
  return appRoot.substring(0, appRoot.lastIndexOf('/'));
}

/** The task's contract: {id, reference, title}, or null. */
async function contractOf(taskId, api) {
  const names = 'contractId,reference,contractTitle';
  const response = await fetch(
    `${api.engineApi}/task/${encodeURIComponent(taskId)}/form-variables?variableNames=${names}&deserializeValues=false`,
    {credentials: 'same-origin', headers: {Accept: 'application/json'}}
  );
  if (!response.ok) {
    return null;
  }
  const variables = await response.json();
  const value = name => (variables[name] && variables[name].value != null ? String(variables[name].value) : null);
  const id = value('contractId');
  if (!id || !UUID.test(id)) {
    return null;
  }
  return {id, reference: value('reference'), title: value('contractTitle')};
}

function link(contract) {
  const a = document.createElement('a');
  a.href = `${platformRoot()}/contracts/${contract.id}`;
  a.className = 'contractflow-contract-page';
  a.textContent = 'Open contract' + (contract.reference ? ` ${contract.reference}` : '') + ' in the workspace';
  a.addEventListener('click', event => event.stopPropagation());
  return a;
}

function show(node, taskId, api, wrap) {
  node.replaceChildren();
  contractOf(taskId, api)
    .then(contract => {
      if (contract) {
        node.appendChild(wrap(contract));
      }
    })
    .catch(error => console.error('ContractFlow: no contract link for task', taskId, error));
}

export default [
  {
    // on each task's card in the list
    id: 'contractflow.contract-link.card',
    pluginPoint: 'tasklist.card',
    priority: 10,
    render: (node, {taskId, api}) =>
      show(node, taskId, api, contract => {
        const div = document.createElement('div');
        div.className = 'contractflow-contract-link';
        div.appendChild(link(contract));
        return div;
      })
  },
  {
    // a tab of the open task
    id: 'contractflow.contract-link.detail',
    pluginPoint: 'tasklist.task.detail',
    priority: 50,
    properties: {label: 'Contract'},
    render: (node, {taskId, api}) =>
      show(node, taskId, api, contract => {
        const div = document.createElement('div');
        div.className = 'contractflow-contract';
        if (contract.title) {
          const title = document.createElement('p');
          title.textContent = contract.title;
          div.appendChild(title);
        }
        div.appendChild(link(contract));
        return div;
      })
  }
];
