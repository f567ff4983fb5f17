import { describe, expect, it } from 'vitest';
import { FIGURES, runBench } from '../../src/bench/run-bench.ts';

// Smoke test only: `--quick` runs every figure with small counts and checks the report is
// complete. The figures themselves are machine-dependent and never asserted.
describe('npm run bench --quick', () => {
  it('prints a row with a measured number for every figure, a verdict each, and the topic accuracy', async () => {
    const report = await runBench(
      ['--quick'],
      () => undefined,
      () => undefined,
    );

    expect(report.results.map((r) => r.id)).toEqual(FIGURES.map((f) => f.id));
    for (const result of report.results) {
      expect(result.measured, `figure ${result.id}: ${result.notes?.join(' ')}`).toMatch(/\d/);
      // ids are padded to the widest ("| 3  |" once there is a figure 10)
      expect(report.text).toMatch(new RegExp(`\\|\\s*${result.id}\\s+\\|`));
      expect(report.text).toMatch(new RegExp(`(PASS|MISS) {2}${result.id}\\. `));
    }
    expect(report.text).toContain('how it was measured');
    expect(report.text).toMatch(/topic\s+tp\s+fp\s+fn\s+precision\s+recall/);
  }, 600_000); // ten figures, some in child processes (a fleet of three), on a machine that may be busy

  it('refuses an unknown option rather than measuring something else', async () => {
    await expect(
      runBench(
        ['--fast'],
        () => undefined,
        () => undefined,
      ),
    ).rejects.toThrow(/unknown option "--fast"/);
  });
});
