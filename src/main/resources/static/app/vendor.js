// Browser libraries that come as classic scripts (UMD bundles under /vendor/, from the build, or
// WebJars under /webjars/):
// each is loaded once, on the first page that needs it.

const loaded = new Map();

function script(src) {
  if (!loaded.has(src)) {
    loaded.set(src, new Promise((resolve, reject) => {
      const el = document.createElement('script');
      el.src = src;
      el.onload = resolve;
      el.onerror = () => { loaded.delete(src); reject(new Error('Could not load ' + src)); };
      document.head.append(el);
    }));
  }
  return loaded.get(src);
}

export function stylesheet(href) {
  if (!document.querySelector('link[href="' + href + '"]')) {
    document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href }));
  }
}

/** form-js's viewer (global FormViewer), which renders Camunda Forms. */
export async function formViewer() {
  stylesheet('/vendor/form-js/assets/form-js.css');
  await script('/vendor/form-js/form-viewer.umd.js');
  return window.FormViewer;
}

/** bpmn-js's navigated viewer (global BpmnJS), which draws BPMN diagrams with pan and zoom. */
export async function bpmnViewer() {
  stylesheet('/vendor/bpmn-js/assets/diagram-js.css');
  stylesheet('/vendor/bpmn-js/assets/bpmn-js.css');
  stylesheet('/vendor/bpmn-js/assets/bpmn-font/css/bpmn-embedded.css');
  await script('/vendor/bpmn-js/bpmn-navigated-viewer.production.min.js');
  return window.BpmnJS;
}

/** Apache ECharts (global echarts), from its WebJar (pom.xml, org.webjars.npm:echarts). */
export async function echarts() {
  await script('/webjars/echarts/5.3.1/dist/echarts.min.js');
  return window.echarts;
}
