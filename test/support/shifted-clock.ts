/**
 * TEST ONLY, preloaded into a bot process (`node --import tsx --import <this file>`): runs
 * the process's wall clock `LBA_TEST_CLOCK_SHIFT_MS` ahead, as if it were started that much
 * later. Timers are untouched; only what `Date` reports moves.
 */
const shift = Number(process.env.LBA_TEST_CLOCK_SHIFT_MS ?? '0');

if (Number.isFinite(shift) && shift !== 0) {
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(RealDate.now() + shift);
      else super(...(args as ConstructorParameters<DateConstructor>));
    }
    static override now(): number {
      return RealDate.now() + shift;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}

export {};
