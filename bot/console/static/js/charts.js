// Small SVG charts: grouped bars and lines. No library; sized by viewBox so they
// scale to the screen. Every chart has a text title and a legend with the
// series names, and each value is written on the chart (not colour alone).

import { h, s } from "./dom.js";

const W = 640;
const H = 260;
const PAD = { top: 24, right: 12, bottom: 64, left: 44 };

function niceMax(value) {
  if (value <= 0) return 4;
  if (Number.isInteger(value) && value <= 40) return Math.max(4, Math.ceil(value / 4) * 4); // whole grid steps
  const p = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= value) return m * p;
  return 10 * p;
}

function shorten(label, n = 8) {
  const text = String(label);
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

function frame(title, max, fmt) {
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img", "aria-label": title, preserveAspectRatio: "xMidYMid meet" },
    s("title", {}, title));
  const plotH = H - PAD.top - PAD.bottom;
  for (let i = 0; i <= 4; i += 1) {
    const y = PAD.top + plotH - (plotH * i) / 4;
    svg.append(s("line", { x1: PAD.left, x2: W - PAD.right, y1: y, y2: y, class: "grid" }),
      s("text", { x: PAD.left - 6, y: y + 4, class: "axis", "text-anchor": "end" }, fmt((max * i) / 4)));
  }
  return svg;
}

function legend(series) {
  return h("ul", { class: "legend" }, series.map((sr, i) =>
    h("li", {}, h("span", { class: `swatch series-${i}`, "aria-hidden": "true" }, i === 0 ? "■" : i === 1 ? "▲" : "●"), " ", sr.name)));
}

/**
 * barChart({title, labels, series: [{name, values}], format, max})
 * Grouped bars; `format` turns a value into its label (e.g. a percentage).
 */
export function barChart({ title, labels, series, format = (v) => String(Math.round(v)), max }) {
  const all = series.flatMap((sr) => sr.values.filter((v) => v !== null && v !== undefined));
  const top = max || niceMax(Math.max(0, ...all));
  const svg = frame(title, top, format);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const group = plotW / Math.max(1, labels.length);
  const barW = Math.min(36, (group * 0.8) / series.length);
  labels.forEach((label, gi) => {
    const x0 = PAD.left + gi * group + (group - barW * series.length) / 2;
    series.forEach((sr, si) => {
      const v = sr.values[gi];
      if (v === null || v === undefined) return;
      const bh = (plotH * v) / top;
      const x = x0 + si * barW;
      const y = PAD.top + plotH - bh;
      svg.append(s("rect", { x, y, width: barW - 2, height: Math.max(0, bh), class: `bar series-${si}` },
        s("title", {}, `${label} ${sr.name}：${format(v)}`)));
      svg.append(s("text", { x: x + (barW - 2) / 2, y: y - 4, class: "value", "text-anchor": "middle" }, format(v)));
    });
    const lx = PAD.left + gi * group + group / 2;
    svg.append(s("text", {
      x: lx, y: H - PAD.bottom + 16, class: "axis label", "text-anchor": labels.length > 6 ? "end" : "middle",
      transform: labels.length > 6 ? `rotate(-35 ${lx} ${H - PAD.bottom + 16})` : null,
    }, shorten(label)));
  });
  return h("figure", { class: "chart-box" }, h("figcaption", {}, title), svg, legend(series));
}

/** lineChart({title, labels, series: [{name, values}], format, max}) */
export function lineChart({ title, labels, series, format = (v) => String(v), max }) {
  const all = series.flatMap((sr) => sr.values.filter((v) => v !== null && v !== undefined));
  const top = max || niceMax(Math.max(0, ...all));
  const svg = frame(title, top, format);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const step = labels.length > 1 ? plotW / (labels.length - 1) : 0;
  const xOf = (i) => PAD.left + (labels.length > 1 ? i * step : plotW / 2);
  const yOf = (v) => PAD.top + plotH - (plotH * v) / top;
  series.forEach((sr, si) => {
    const pts = sr.values.map((v, i) => (v === null || v === undefined ? null : [xOf(i), yOf(v)]));
    const d = pts.reduce((acc, p, i) => {
      if (!p) return acc;
      return acc + `${acc && pts[i - 1] ? "L" : "M"}${p[0].toFixed(1)},${p[1].toFixed(1)} `;
    }, "");
    if (d) svg.append(s("path", { d, class: `line series-${si}` }));
    pts.forEach((p, i) => {
      if (!p) return;
      svg.append(s("circle", { cx: p[0], cy: p[1], r: 4, class: `dot series-${si}` },
        s("title", {}, `${labels[i]} ${sr.name}：${format(sr.values[i])}`)));
      svg.append(s("text", { x: p[0], y: p[1] - 8 - si * 12, class: "value", "text-anchor": "middle" }, format(sr.values[i])));
    });
  });
  labels.forEach((label, i) => {
    svg.append(s("text", { x: xOf(i), y: H - PAD.bottom + 16, class: "axis label", "text-anchor": "middle" }, shorten(label)));
  });
  return h("figure", { class: "chart-box" }, h("figcaption", {}, title), svg, legend(series));
}
