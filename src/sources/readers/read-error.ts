/** The only error `readDocument` throws: one human sentence saying what is wrong. */
export class ReadError extends Error {
  override name = 'ReadError';
}
