// Where a contract stands, drawn with bpmn-js: the model of each level from the lifecycle down to
// the current phase, its current steps outlined and the steps passed shaded.
import { get } from './api.js';
import { h, render, notice } from './ui.js';
import { bpmnViewer, stylesheet } from './vendor.js';

export function processDiagram(contractId) {
  stylesheet('/app/diagram.css');
  const box = h('div', { class: 'diagram-box' }, h('p', { class: 'muted' }, 'Loading the diagram…'));
  const section = h('section', { class: 'card', 'aria-labelledby': 'diagram-h', id: 'process-diagram' },
    h('h2', { id: 'diagram-h' }, 'Process'), box);
  draw(contractId, box).catch((e) => render(box, notice(e.message)));
  return section;
}

async function draw(contractId, box) {
  const [path, BpmnJS] = await Promise.all([
    get('/api/contracts/' + encodeURIComponent(contractId) + '/process/diagram'),
    bpmnViewer(),
  ]);
  const diagrams = path.diagrams || [];
  if (!diagrams.length) {
    render(box, h('p', { class: 'muted' }, 'This contract has no process yet.'));
    return;
  }
  const canvasBox = h('div', { class: 'diagram', role: 'img' });
  const summary = h('p', { class: 'muted', 'aria-live': 'polite' });
  const viewer = new BpmnJS({ container: canvasBox });
  const tabs = h('div', { role: 'tablist', 'aria-label': 'Models', class: 'tabs' },
    diagrams.map((d, i) => h('button', {
      type: 'button', role: 'tab', 'aria-selected': String(i === diagrams.length - 1),
      onclick: (e) => {
        tabs.querySelectorAll('[role=tab]').forEach((t) => t.setAttribute('aria-selected', String(t === e.currentTarget)));
        show(d);
      },
    }, (d.name || d.processDefinitionKey) + ' v' + d.version)));
  render(box, tabs, canvasBox, summary,
    h('p', { class: 'legend muted' },
      h('span', { class: 'key key-active' }), ' waiting here ',
      h('span', { class: 'key key-done' }), ' passed'));

  async function show(d) {
    await viewer.importXML(d.bpmnXml);
    const canvas = viewer.get('canvas');
    const registry = viewer.get('elementRegistry');
    for (const id of d.completedActivityIds) if (registry.get(id)) canvas.addMarker(id, 'cf-done');
    for (const id of d.activeActivityIds) if (registry.get(id)) canvas.addMarker(id, 'cf-active');
    canvas.zoom('fit-viewport');
    const names = d.activeActivityIds.map((id) => (registry.get(id)?.businessObject?.name) || id);
    const text = (d.name || d.processDefinitionKey) + (d.running
      ? (names.length ? ': waiting at ' + names.join(', ') : ': running')
      : ': ended');
    summary.textContent = text;
    canvasBox.setAttribute('aria-label', 'Diagram of ' + text);
  }
  await show(diagrams[diagrams.length - 1]);
}
