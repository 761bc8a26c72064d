// A report's charts (GET /api/reports/...: each chart has labels and one or more series) drawn with
// Apache ECharts as SVG. Each chart is an image with a text summary (role="img", aria-label); the
// report's table below it is the accessible equivalent with every figure.
import { h } from './ui.js';
import { echarts } from './vendor.js';

// the workspace's palette, dark enough for 3:1 against white
const COLOURS = ['#1d4f91', '#c25e00', '#1e6b34', '#8a1c7c', '#a4262c', '#4f5b6a', '#00758f'];

/** A value series (money) is drawn on its own axis beside the counts. */
const isValue = (series) => /^value\b/i.test(series.name);

function formatNumber(n) {
  return n === null || n === undefined ? '—' : Number(n).toLocaleString(undefined, { maximumFractionDigits: 1 });
}

/** What the chart shows, in words: its title and each series' first points. */
export function summary(chart) {
  if (!chart.labels.length) return chart.title + ': no data.';
  const shown = chart.labels.slice(0, 12);
  const parts = chart.series.map((s) => s.name + ': '
    + shown.map((label, i) => label + ' ' + formatNumber(s.data[i])).join(', ')
    + (chart.labels.length > shown.length ? ', and ' + (chart.labels.length - shown.length) + ' more' : ''));
  return (chart.kind === 'line' ? 'Line' : 'Bar') + ' chart, ' + chart.title + '. ' + parts.join('. ') + '.';
}

function option(chart) {
  const twoAxes = chart.series.some(isValue) && chart.series.some((s) => !isValue(s));
  const whole = (list) => list.every((x) => x === null || Number.isInteger(x));
  const counts = (series) => whole(series.flatMap((x) => x.data));
  const axis = (name, series) => ({
    type: 'value', name, minInterval: counts(series) ? 1 : undefined, nameTextStyle: { color: '#4f5b6a' }, axisLabel: { color: '#4f5b6a' },
    splitLine: { lineStyle: { color: '#e4e8ee' } },
  });
  return {
    color: COLOURS,
    aria: { enabled: false }, // the container carries our own summary
    animation: false,
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { color: '#1b2430' } },
    tooltip: { trigger: 'axis' },
    xAxis: {
      type: 'category', data: chart.labels,
      axisLabel: { color: '#1b2430', interval: 0, rotate: chart.labels.length > 6 ? 30 : 0, width: 120, overflow: 'truncate' },
    },
    yAxis: twoAxes
      ? [axis('count', chart.series.filter((x) => !isValue(x))), axis(chart.series.find(isValue).name, chart.series.filter(isValue))]
      : [axis('', chart.series)],
    series: chart.series.map((s) => ({
      name: s.name,
      type: chart.kind === 'line' ? 'line' : 'bar',
      yAxisIndex: twoAxes && isValue(s) ? 1 : 0,
      data: s.data,
      barMaxWidth: 48,
    })),
  };
}

/**
 * A chart's figure: the heading, then the drawing (filled in by drawCharts() once it is in the
 * page). `headingLevel` keeps the document outline right where it is placed; null leaves the
 * heading to the surrounding section.
 */
export function chartFigure(chart, headingLevel = 'h3') {
  const canvas = h('div', {
    class: 'chart', role: 'img', 'aria-label': summary(chart), 'data-chart': chart.id,
  });
  canvas.chartDefinition = chart;
  return h('figure', { class: 'chart-figure' },
    headingLevel ? h('figcaption', {}, h(headingLevel, {}, chart.title)) : null,
    chart.labels.length ? canvas : h('p', { class: 'muted' }, 'Nothing to show yet.'));
}

/** Draws every chart figure under `root` (after render: ECharts needs the element's size). */
export async function drawCharts(root) {
  const targets = [...root.querySelectorAll('div.chart[data-chart]')];
  if (!targets.length) return;
  const lib = await echarts();
  for (const el of targets) {
    if (!el.isConnected) continue;
    const instance = lib.getInstanceByDom(el) || lib.init(el, null, { renderer: 'svg' });
    instance.setOption(option(el.chartDefinition), true);
  }
}

let resizing = false;
window.addEventListener('resize', () => {
  if (resizing || !window.echarts) return;
  resizing = true;
  requestAnimationFrame(() => {
    resizing = false;
    document.querySelectorAll('div.chart[_echarts_instance_]').forEach((el) => window.echarts.getInstanceByDom(el)?.resize());
  });
});
