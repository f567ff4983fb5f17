import type { UserConsoleLog } from 'vitest';
import type { Reporter, TestModule } from 'vitest/node';

/** Lines a test prints with this prefix are figures the whole run should end with. */
export const FIGURE_PREFIX = '[figure] ';

/**
 * Ends the run with the figures the reliability and accuracy tests measured, and one
 * plain closing line, `N passed, N failed`, that any CI reads.
 */
export default class SummaryReporter implements Reporter {
  private readonly figures: string[] = [];

  onUserConsoleLog(log: UserConsoleLog): void {
    for (const line of log.content.split('\n')) {
      if (line.startsWith(FIGURE_PREFIX)) this.figures.push(line.slice(FIGURE_PREFIX.length));
    }
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failed += 1;
        else skipped += 1;
      }
    }
    const out = process.stdout;
    if (this.figures.length > 0) {
      out.write('\nFigures measured by this run:\n');
      for (const figure of this.figures) out.write(`  ${figure}\n`);
    }
    out.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  }
}
