import { html, type SafeHtml } from '../html.js';

/*
 * Charts drawn on the server as inline SVG: no chart library, no script, nothing for the
 * browser to fetch. Built for a projector in a lit room: thick bars, 22–26 px type in a
 * 1000-unit-wide drawing, dark colours on white that keep 4.5:1 contrast, and the value
 * written beside every bar where there is room, so colour is never the only carrier.
 * Each chart is an `img` with a title and a description; the page puts the table of its
 * numbers beside it.
 */

/** Dark, distinct, high-contrast fills (on white) for the report's series. */
export const CHART_COLOURS = {
  blue: '#0a4d8c',
  green: '#17603a',
  red: '#b0261c',
  grey: '#47535f',
  brown: '#7a4a00',
} as const;

const INK = '#16202a';
const GRID = '#9aa6b2';
const WIDTH = 1000;

/** One bar of a horizontal bar chart. */
export interface Bar {
  label: string;
  value: number;
  /** The value as the reader should see it ("12", "35,5 %"). */
  text: string;
}

/** One series of a column chart: a value per category. */
export interface Series {
  name: string;
  colour: string;
  values: readonly number[];
}

interface ChartText {
  /** Unique on the page: the ids of the title and description derive from it. */
  id: string;
  title: string;
  /** The chart in words, for people who cannot see it. */
  description: string;
}

/** The smallest of 1, 2, 5 × 10^k that is at least `x` (and at least 1: counts are whole). */
function niceStep(x: number): number {
  if (x <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * power >= x) return m * power;
  return 10 * power;
}

/** A label cut to fit the label column (the table beside the chart has it whole). */
function shorten(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}

function frame(c: ChartText, height: number, body: SafeHtml): SafeHtml {
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="${c.id}-title ${c.id}-desc" font-family="system-ui, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif">
<title id="${c.id}-title">${c.title}</title>
<desc id="${c.id}-desc">${c.description}</desc>
<rect width="${WIDTH}" height="${height}" fill="#fff"/>
${body}
</svg>`;
}

/** Bars side by side, one row each, longest first if the caller sorts them so; the value is written at the end of each bar. */
export function horizontalBars(c: ChartText & { bars: readonly Bar[]; colour?: string; max?: number }): SafeHtml {
  const rowHeight = 52;
  const labelWidth = 300;
  const barArea = WIDTH - labelWidth - 170;
  const max = Math.max(c.max ?? 0, ...c.bars.map((b) => b.value), 1e-9);
  const height = Math.max(1, c.bars.length) * rowHeight + 16;
  const rows = c.bars.map((b, i) => {
    const y = 8 + i * rowHeight;
    const w = Math.max(0, (b.value / max) * barArea);
    return html`<text x="${labelWidth - 14}" y="${y + 34}" text-anchor="end" font-size="24" fill="${INK}">${shorten(b.label, 20)}</text>
<rect x="${labelWidth}" y="${y + 6}" width="${w.toFixed(1)}" height="${rowHeight - 14}" fill="${c.colour ?? CHART_COLOURS.blue}"/>
<text x="${(labelWidth + w + 12).toFixed(1)}" y="${y + 34}" font-size="26" font-weight="700" fill="${INK}">${b.text}</text>`;
  });
  const axis = html`<line x1="${labelWidth}" y1="4" x2="${labelWidth}" y2="${height - 4}" stroke="${INK}" stroke-width="2"/>`;
  return frame(c, height, html`${rows}${axis}`);
}

/**
 * Columns per category (a day, an hour), one per series side by side or stacked into one.
 * With many categories only every n-th is labelled and the values are left to the table.
 */
export function columns(c: ChartText & { categories: readonly string[]; series: readonly Series[]; stacked: boolean }): SafeHtml {
  const height = 470;
  const left = 90;
  const right = 20;
  const top = 70;
  const bottom = 60;
  const plotWidth = WIDTH - left - right;
  const plotHeight = height - top - bottom;
  const n = Math.max(1, c.categories.length);
  const totals = c.categories.map((_, i) => c.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const highest = c.stacked ? Math.max(0, ...totals) : Math.max(0, ...c.series.flatMap((s) => s.values));
  const step = niceStep(highest / 4);
  const max = step * 4;
  const yOf = (v: number) => top + plotHeight - (v / max) * plotHeight;
  const band = plotWidth / n;

  const grid = [0, 1, 2, 3, 4].map((k) => {
    const y = yOf(k * step).toFixed(1);
    return html`<line x1="${left}" y1="${y}" x2="${WIDTH - right}" y2="${y}" stroke="${k === 0 ? INK : GRID}" stroke-width="${k === 0 ? 2 : 1}"/>
<text x="${left - 12}" y="${(Number(y) + 8).toFixed(1)}" text-anchor="end" font-size="22" fill="${INK}">${k * step}</text>`;
  });

  // Each key takes the room its name needs (about 14 units a character at this size).
  let legendX = left;
  const legend = c.series.map((s) => {
    const x = legendX;
    legendX += 36 + s.name.length * 14 + 32;
    return html`<rect x="${x}" y="16" width="26" height="26" fill="${s.colour}"/><text x="${x + 36}" y="38" font-size="24" fill="${INK}">${s.name}</text>`;
  });

  const labelEvery = Math.ceil(n / 16);
  const showValues = c.stacked ? n <= 31 : n * c.series.length <= 48;
  const bars = c.categories.map((category, i) => {
    const x0 = left + i * band;
    const parts: SafeHtml[] = [];
    if (c.stacked) {
      const w = band * 0.7;
      let base = 0;
      for (const s of c.series) {
        const v = s.values[i] ?? 0;
        if (v > 0) parts.push(html`<rect x="${(x0 + (band - w) / 2).toFixed(1)}" y="${yOf(base + v).toFixed(1)}" width="${w.toFixed(1)}" height="${(yOf(base) - yOf(base + v)).toFixed(1)}" fill="${s.colour}"/>`);
        base += v;
      }
      if (showValues && base > 0) parts.push(html`<text x="${(x0 + band / 2).toFixed(1)}" y="${(yOf(base) - 8).toFixed(1)}" text-anchor="middle" font-size="22" font-weight="700" fill="${INK}">${base}</text>`);
    } else {
      const w = (band * 0.8) / c.series.length;
      c.series.forEach((s, j) => {
        const v = s.values[i] ?? 0;
        const x = x0 + band * 0.1 + j * w;
        if (v > 0) parts.push(html`<rect x="${x.toFixed(1)}" y="${yOf(v).toFixed(1)}" width="${(w - 2).toFixed(1)}" height="${(yOf(0) - yOf(v)).toFixed(1)}" fill="${s.colour}"/>`);
        if (showValues && v > 0) parts.push(html`<text x="${(x + w / 2).toFixed(1)}" y="${(yOf(v) - 8).toFixed(1)}" text-anchor="middle" font-size="22" font-weight="700" fill="${INK}">${v}</text>`);
      });
    }
    if (i % labelEvery === 0) parts.push(html`<text x="${(x0 + band / 2).toFixed(1)}" y="${height - bottom + 32}" text-anchor="middle" font-size="22" fill="${INK}">${category}</text>`);
    return parts;
  });
  return frame(c, height, html`${grid}${legend}${bars}`);
}
