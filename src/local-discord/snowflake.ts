/** Discord's epoch (2015-01-01); ids made from it have the same shape (18-19 digits) as real ones. */
const DISCORD_EPOCH = 1_420_070_400_000n;

let increment = 0n;

/** A new, unique Discord-style id. The REST client's bucket logic parses routes with these. */
export function nextSnowflake(): string {
  increment = (increment + 1n) & 0xfffn;
  const sinceEpoch = BigInt(Date.now()) - DISCORD_EPOCH;
  // Worker/process bits are fixed at 1 so the id stays monotonic within one process.
  return ((sinceEpoch << 22n) | (1n << 17n) | increment).toString();
}
