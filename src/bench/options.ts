/** What every figure is given. */
export interface BenchOptions {
  /** Smaller counts for a ~30 s run (the smoke test); the figures are then indicative only. */
  quick: boolean;
  /** Progress lines while a figure runs (stderr in `npm run bench`). */
  log: (line: string) => void;
}
