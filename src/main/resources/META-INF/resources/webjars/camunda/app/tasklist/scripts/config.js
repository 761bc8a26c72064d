/*
 * ContractFlow's Tasklist configuration. It replaces the webjar's app/tasklist/scripts/config.js
 * (Camunda 7.24, Apache License 2.0): this copy comes first on the classpath. Keep the shortcuts in
 * step with the webjar's when the engine is updated.
 *
 * - the header and the page title name the product: "ContractFlow Tasklist"
 * - contractflow/contract-link adds a link from each task to its contract's page in the workspace
 * - styles/user-styles.css hides Camunda's end-of-life notice here: it is for operators (Cockpit,
 *   Admin, README), not for reviewers
 */
export default {
  app: {
    name: 'Tasklist',
    vendor: 'ContractFlow'
  },

  customScripts: ['scripts/contractflow/contract-link'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
