/**
 * Charts drawn on the server as inline SVG: no script and no library. Bars are scaled to the
 * largest value; each carries its label and its value as text (and a <title> for a tooltip).
 */
import { type Html, html } from "./html.ts";

export interface Bar {
  label: string;
  value: number;
  /** The value as people read it (money, a count). */
  text: string;
}

/** Vertical bars, one per label (e.g. sales per hour). */
export function columnChart(bars: readonly Bar[], options: { width?: number; height?: number } = {}): Html {
  const width = options.width ?? 720;
  const height = options.height ?? 180;
  const top = 16;
  const bottom = 20;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = bars.length > 0 ? width / bars.length : width;
  const barWidth = Math.max(2, slot * 0.7);
  const columns = bars.map((b, i) => {
    const h = Math.round(((height - top - bottom) * Math.max(0, b.value)) / max);
    const x = Math.round(i * slot + (slot - barWidth) / 2);
    const y = height - bottom - h;
    return html`<g><title>${b.label}: ${b.text}</title><rect x="${x}" y="${y}" width="${Math.round(barWidth)}" height="${h}" class="bar"></rect><text x="${Math.round(x + barWidth / 2)}" y="${height - 5}" text-anchor="middle" class="axis">${b.label}</text></g>`;
  });
  return html`<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" class="chart">${columns}</svg>`;
}

/** Horizontal bars with their labels and values (e.g. today against last week, per store). */
export function barChart(bars: readonly Bar[], options: { width?: number } = {}): Html {
  const width = options.width ?? 720;
  const row = 22;
  const labelWidth = 200;
  const valueWidth = 110;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = Math.max(row, bars.length * row);
  const rows = bars.map((b, i) => {
    const w = Math.round(((width - labelWidth - valueWidth) * Math.max(0, b.value)) / max);
    const y = i * row;
    return html`<g><title>${b.label}: ${b.text}</title><text x="0" y="${y + 15}" class="axis">${b.label}</text><rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${row - 6}" class="bar"></rect><text x="${labelWidth + w + 6}" y="${y + 15}" class="axis">${b.text}</text></g>`;
  });
  return html`<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" class="chart">${rows}</svg>`;
}
