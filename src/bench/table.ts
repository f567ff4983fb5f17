/** One line of the benchmark report. */
export interface FigureResult {
  /** The figure's number in the bench (1–9). */
  id: number;
  figure: string;
  /** What was measured, with its unit, e.g. "31 ms". */
  measured: string;
  target: string;
  /** Whether the measured value meets the target. */
  pass: boolean;
  how: string;
  /** Extra lines printed under the table (breakdowns, causes of a miss). */
  notes?: string[];
}

const HEADER = ['#', 'figure', 'measured', 'target', 'how it was measured'];
/** Column widths past which a cell wraps onto more lines, so the table fits a terminal. */
const MAX_WIDTHS = [2, 40, 28, 26, 70];

/** A pipe table (readable in a terminal, pasteable into Markdown); long cells wrap. */
export function formatTable(results: readonly FigureResult[]): string {
  const rows = results.map((r) => [String(r.id), r.figure, r.measured, r.target, r.how]);
  const wrapped = rows.map((row) => row.map((text, i) => wrap(text, MAX_WIDTHS[i] ?? 40)));
  const widths = HEADER.map((h, i) =>
    Math.max(h.length, ...wrapped.flatMap((row) => (row[i] ?? []).map((l) => l.length))),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  const body = wrapped.flatMap((row) => {
    const height = Math.max(...row.map((cell) => cell.length));
    return Array.from({ length: height }, (_, k) => line(row.map((cell) => cell[k] ?? '')));
  });
  return [line(HEADER), rule, ...body].join('\n');
}

/** Splits text into lines of at most `width` characters, at spaces where possible. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  lines.push(current);
  return lines;
}

/** One PASS/MISS line per figure, then its notes indented. */
export function formatVerdicts(results: readonly FigureResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(
      `${r.pass ? 'PASS' : 'MISS'}  ${r.id}. ${r.figure}: ${r.measured} (target ${r.target})`,
    );
    for (const note of r.notes ?? []) lines.push(`      ${note}`);
  }
  return lines.join('\n');
}

/** The row for a figure that could not be measured at all: the report goes on without it. */
export function failedFigure(
  base: Pick<FigureResult, 'id' | 'figure' | 'target'>,
  error: unknown,
): FigureResult {
  const message = error instanceof Error ? error.message : String(error);
  return {
    ...base,
    measured: 'error',
    pass: false,
    how: 'the measurement failed',
    notes: [message.split('\n')[0] ?? message],
  };
}
