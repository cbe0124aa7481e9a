import { html, type SafeHtml } from '../html';

export interface Bar {
  readonly label: string;
  readonly value: number;
}

// Each bar under its label, in a box about as wide as a phone screen, so 13-unit text stays
// readable at 360 px instead of shrinking with a wide label column.
const ROW = 40;
const BAR_SPACE = 250;
const VALUE_WIDTH = 70;

/**
 * A horizontal bar chart as inline SVG, drawn on the server: no charting script to download
 * on a slow phone, and it shows without JavaScript. Screen readers get the title (role=img);
 * the data table beside it carries the same numbers for everyone.
 */
export function barChart(id: string, title: string, bars: readonly Bar[], format: (value: number) => string): SafeHtml {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = Math.max(ROW, bars.length * ROW);
  const width = BAR_SPACE + VALUE_WIDTH;
  return html`<svg id="${id}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${id}-title" xmlns="http://www.w3.org/2000/svg">
<title id="${id}-title">${title}</title>
${bars.map((bar, i) => {
  const y = i * ROW;
  const length = Math.round((bar.value / max) * BAR_SPACE);
  const label = bar.label.length > 44 ? `${bar.label.slice(0, 43)}…` : bar.label;
  return html`<g><text x="0" y="${y + 14}" font-size="13" fill="#1a1a1a">${label}</text>
<rect x="0" y="${y + 20}" width="${length}" height="14" fill="#0b4f9c"></rect>
<text x="${length + 6}" y="${y + 32}" font-size="13" fill="#1a1a1a">${format(bar.value)}</text></g>`;
})}
</svg>`;
}

/** The chart and its numbers side by side (stacked on a phone). */
export function chartWithTable(id: string, title: string, headings: readonly [string, string], bars: readonly Bar[], format: (value: number) => string): SafeHtml {
  return html`<section class="card" aria-labelledby="${id}-heading"><h2 id="${id}-heading">${title}</h2><div class="chart">
${barChart(id, title, bars, format)}
<table><caption class="hint">${title}</caption><thead><tr><th scope="col">${headings[0]}</th><th scope="col">${headings[1]}</th></tr></thead>
<tbody>${bars.map((b) => html`<tr><td>${b.label}</td><td>${format(b.value)}</td></tr>`)}</tbody></table>
</div></section>`;
}
