// Plain-text tables for the benchmark's stdout: columns padded to their widest cell, numbers right-aligned.

/** Renders `rows` under `headers`; cells that look numeric (or are "—") are right-aligned. */
export function renderTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = (s: string) => /^[-+]?[\d.,]+\s*(×|%|ms|MB|s)?$/.test(s) || s === '—';
  const line = (cells: string[]) =>
    cells.map((c, i) => (numeric(c) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** A number with `digits` decimals, or "—" when absent. */
export function fmt(value: number | undefined, digits = 0): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Milliseconds: one decimal below 100 ms, none above. */
export function ms(value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  return fmt(value, value < 100 ? 1 : 0);
}

/** A ratio such as `43.2×`. */
export function times(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '—' : `${fmt(value, value < 10 ? 2 : 1)}×`;
}

/** KiB as MB with one decimal. */
export function mb(kib: number | undefined): string {
  return kib === undefined ? '—' : fmt(kib / 1024, 1);
}
