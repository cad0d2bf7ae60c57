// Charts drawn as SVG from the gateway's figures. Each comes with a caption that says what it shows and its
// figures as a table, so nothing rests on seeing the picture; series differ by line style and marker as well as
// colour.
import { h, s } from './dom.js';

let serial = 0;
const MARKERS = ['circle', 'square', 'triangle'];
const DASHES = [null, '6 4', '2 3'];

function figure(title, summary, chart, table) {
  return h('figure', { class: 'chart' },
    h('figcaption', {}, h('strong', {}, title), h('span', { class: 'chart__summary' }, summary)),
    chart,
    h('details', {}, h('summary', {}, 'Show the figures'), table));
}

function table(head, rows) {
  return h('table', { class: 'figures' },
    h('thead', {}, h('tr', {}, head.map(cell => h('th', { scope: 'col' }, cell)))),
    h('tbody', {}, rows.map(row => h('tr', {}, row.map((cell, i) => i === 0 ? h('th', { scope: 'row' }, cell)
      : h('td', {}, cell))))));
}

/**
 * Workers by the number of cases they hold, the limit marked: a bar past the line is a worker over it, drawn
 * hatched as well as red.
 */
export function caseloadChart(distribution, { compact = false } = {}) {
  const { bars, limit } = distribution;
  const width = compact ? 240 : 520;
  const height = compact ? 84 : 180;
  const left = 22;
  const bottom = 18;
  const top = 14;
  const columns = Math.max(bars.length, limit + 2);
  const band = (width - left - 4) / columns;
  const most = Math.max(1, ...bars.map(bar => bar.withinLimit + bar.overLimit));
  const y = workers => top + (height - top - bottom) * (1 - workers / most);
  const hatch = `hatch-${++serial}`;
  const workers = bars.reduce((sum, bar) => sum + bar.withinLimit + bar.overLimit, 0);
  const over = bars.reduce((sum, bar) => sum + bar.overLimit, 0);
  const heaviest = bars.filter(bar => bar.withinLimit + bar.overLimit > 0).map(bar => bar.cases).pop() ?? 0;
  const summary = workers === 0 ? 'No caseloads yet.'
    : `${workers} workers; ${over === 0 ? 'none' : over} over their limit; the most held is ${heaviest} cases.`;
  const markerX = left + band * (limit + 1);
  const ticks = [...Array(columns).keys()].filter(cases => cases % 5 === 0);

  const chart = s('svg', {
    viewBox: `0 0 ${width} ${height}`, class: 'chart__svg', role: 'img',
    'aria-label': `Caseload spread, limit ${limit}: ${summary}`,
  },
  s('defs', {}, s('pattern', { id: hatch, width: 6, height: 6, patternUnits: 'userSpaceOnUse',
    patternTransform: 'rotate(45)' }, s('rect', { width: 6, height: 6, class: 'bar--over' }),
  s('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'hatch' }))),
  s('line', { x1: left, y1: height - bottom, x2: width, y2: height - bottom, class: 'axis' }),
  s('text', { x: left - 4, y: top + 4, class: 'tick', 'text-anchor': 'end' }, most),
  s('text', { x: left - 4, y: height - bottom, class: 'tick', 'text-anchor': 'end' }, 0),
  ticks.map(cases => s('text', { x: left + band * (cases + 0.5), y: height - 4, class: 'tick',
    'text-anchor': 'middle' }, cases)),
  bars.flatMap(bar => {
    const x = left + band * bar.cases + 1;
    const w = Math.max(band - 2, 1);
    const total = bar.withinLimit + bar.overLimit;
    return [
      bar.withinLimit > 0 && s('rect', { x, width: w, y: y(bar.withinLimit),
        height: y(0) - y(bar.withinLimit), class: 'bar' },
      s('title', {}, `${bar.withinLimit} holding ${bar.cases} cases`)),
      bar.overLimit > 0 && s('rect', { x, width: w, y: y(total), height: y(bar.withinLimit) - y(total),
        fill: `url(#${hatch})`, class: 'bar--over-outline' },
      s('title', {}, `${bar.overLimit} holding ${bar.cases} cases, over their limit`)),
    ];
  }),
  s('line', { x1: markerX, y1: top - 4, x2: markerX, y2: height - bottom, class: 'limit' }),
  s('text', { x: markerX - 3, y: top - 4, class: 'limit__label', 'text-anchor': 'end' }, `limit ${limit}`));

  const rows = bars.filter(bar => bar.withinLimit + bar.overLimit > 0)
    .map(bar => [bar.cases, bar.withinLimit, bar.overLimit]);
  return figure(compact ? 'Caseloads' : 'Caseload spread', summary, chart,
    table(['Cases held', 'Workers within their limit', 'Workers over it'], rows));
}

/** Series over the same points (months), each a line with a style and marker of its own, named at its end. */
export function lineChart({ title, summary, labels, series, format }) {
  const width = 560;
  const height = 220;
  const left = 48;
  const right = 130;
  const top = 12;
  const bottom = 26;
  const values = series.flatMap(line => line.values).filter(value => value !== null && value !== undefined);
  const most = Math.max(...values, 0) || 1;
  const step = niceStep(most / 4);
  const ceiling = Math.ceil(most / step) * step;
  const x = i => left + (labels.length === 1 ? 0 : (width - left - right) * i / (labels.length - 1));
  const y = value => top + (height - top - bottom) * (1 - value / ceiling);
  const gridlines = [...Array(Math.round(ceiling / step) + 1).keys()].map(i => i * step);
  const labelY = apart(series.map(line => {
    const known = line.values.filter(value => value !== null && value !== undefined);
    return known.length > 0 ? y(known[known.length - 1]) : 0;
  }), 13);

  const chart = s('svg', { viewBox: `0 0 ${width} ${height}`, class: 'chart__svg', role: 'img',
    'aria-label': `${title}: ${summary}` },
  gridlines.map(value => [
    s('line', { x1: left, x2: width - right, y1: y(value), y2: y(value), class: value === 0 ? 'axis' : 'grid' }),
    s('text', { x: left - 6, y: y(value) + 4, class: 'tick', 'text-anchor': 'end' }, format(value)),
  ]),
  labels.map((label, i) => (i % 2 === labels.length % 2 || labels.length < 8)
    && s('text', { x: x(i), y: height - 8, class: 'tick', 'text-anchor': 'middle' }, label)),
  series.map((line, index) => {
    const points = line.values.map((value, i) => value === null || value === undefined ? null : [x(i), y(value)]);
    const drawn = points.filter(Boolean);
    const last = drawn.length > 0 ? [drawn[drawn.length - 1][0], labelY[index]] : null;
    return s('g', { class: `series series--${index}` },
      s('polyline', { points: drawn.map(point => point.join(',')).join(' '), class: 'series__line',
        'stroke-dasharray': DASHES[index % DASHES.length] }),
      drawn.map(([px, py], i) => marker(MARKERS[index % MARKERS.length], px, py,
        `${line.name}, ${labels[points.indexOf(drawn[i])]}: ${format(line.values[points.indexOf(drawn[i])])}`)),
      last && s('text', { x: last[0] + 8, y: last[1] + 4, class: 'series__label' }, line.name));
  }));

  const rows = labels.map((label, i) => [label, ...series.map(line => line.values[i] === null
    || line.values[i] === undefined ? '–' : format(line.values[i]))]);
  return figure(title, summary, chart, table(['Month', ...series.map(line => line.name)], rows));
}

/** The positions moved the least so that none is nearer another than the gap: line names that do not overlap. */
function apart(positions, gap) {
  const order = positions.map((position, index) => ({ position, index })).sort((a, b) => a.position - b.position);
  for (let i = 1; i < order.length; i++) {
    order[i].position = Math.max(order[i].position, order[i - 1].position + gap);
  }
  const moved = [];
  order.forEach(({ position, index }) => { moved[index] = position; });
  return moved;
}

function marker(shape, x, y, label) {
  const title = s('title', {}, label);
  if (shape === 'square') {
    return s('rect', { x: x - 3.5, y: y - 3.5, width: 7, height: 7, class: 'series__marker' }, title);
  }
  if (shape === 'triangle') {
    return s('polygon', { points: `${x},${y - 4.5} ${x + 4.5},${y + 3.5} ${x - 4.5},${y + 3.5}`,
      class: 'series__marker' }, title);
  }
  return s('circle', { cx: x, cy: y, r: 3.5, class: 'series__marker' }, title);
}

/** 1, 2 or 5 times a power of ten: gridlines a reader can count in. */
function niceStep(rough) {
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map(m => m * power).find(step => step >= rough);
}
