/**
 * Ways to damage a real document, as fast-check arbitraries: what a broken CMS, a proxy that
 * cuts a response, a wrong charset or a hostile server could hand the readers.
 */
import fc from 'fast-check';

export type Mutation =
  | { kind: 'cut'; at: number }
  | { kind: 'splice'; at: number; donor: number; from: number; length: number }
  | { kind: 'duplicate'; from: number; length: number; times: number }
  | { kind: 'flip'; at: number; count: number; mask: number }
  | { kind: 'insert'; at: number; text: string; label: string };

/** The largest document a reader can get: FETCH_MAX_BYTES is 5 MB by default. */
export const MAX_DOCUMENT_BYTES = 5_000_000;

const position = fc.double({ min: 0, max: 1, noNaN: true });

const repeated = (label: string, unit: string, max: number) =>
  fc.integer({ min: 1, max }).map((n) => ({ text: unit.repeat(n), label: `${label} ×${n}` }));

/** Text that stresses parsers: nesting, storms of entities, unclosed sections, huge tokens. */
const hostileText = fc.oneof(
  fc
    .constantFrom('<div>', '<b>', '<item>', '<entry>', '<p><span>', '<a href="x">', '<ul><li>')
    .chain((tag) => repeated(`nest ${tag}`, tag, 60_000)),
  fc
    .constantFrom('{"a":', '[', '{"liveBlogUpdate":[')
    .chain((open) => repeated(`json ${open}`, open, 60_000)),
  fc.constantFrom('x', '&', '"', "'", '<', '&amp;', '\\"').chain((char) =>
    fc.integer({ min: 1, max: 1_000_000 }).map((n) => ({
      text: `<a href="${char.repeat(n)}" title='${char.repeat(n % 1000)}'>`,
      label: `attribute of ${n} × ${char}`,
    })),
  ),
  fc.integer({ min: 1, max: 20_000 }).map((n) => ({
    text: `<item ${Array.from({ length: n }, (_, i) => `a${i}="${i}"`).join(' ')}>`,
    label: `${n} attributes`,
  })),
  fc
    .constantFrom(
      '<![CDATA[',
      '<!--',
      '<script>',
      '<script type="application/ld+json">',
      '<style>',
      '<title>',
      '<textarea>',
      '<?xml ',
      '<!DOCTYPE ',
      '<!ENTITY x "',
      '"',
      '<a href="',
      '{"',
    )
    .map((open) => ({ text: open, label: `unclosed ${open}` })),
  fc
    .constantFrom(
      '&',
      '&amp;',
      '&#',
      '&#x',
      '&#1114112;',
      '&#xD800;',
      '&#0;',
      '&lt;b&gt;',
      '&nbsp',
      '&&&;',
      '&amp;amp;amp;',
      '&#99999999999999999999;',
    )
    .chain((unit) => repeated(`storm ${unit}`, unit, 200_000)),
  fc
    .constantFrom(
      '10:04\n',
      'Mr. ',
      'a, ',
      ' ',
      '\n',
      '<p>x</p>',
      '<title>',
      '<br>',
      '<script>',
      '</',
      '<b>x</b>',
      '<article>',
      '<article class="live-post" id="p1"><h2>T</h2><p>Body.</p></article>',
      '<script type="application/ld+json">{"@type":"LiveBlogPosting","liveBlogUpdate":[]}</script>',
      '<entry><id>x</id><title>t</title></entry>',
      '<item><guid>x</guid><title>t</title></item>',
      '{"id":"1","content_text":"x"},',
      'Updated 12 minutes ago\n',
      '<time datetime="2024-01-01T00:00:00Z">10:04</time>',
    )
    .chain((unit) => repeated(`repeat ${JSON.stringify(unit).slice(0, 30)}`, unit, 100_000)),
  fc
    .constantFrom(
      '\u0000',
      '\uFEFF',
      '\uFFFD',
      '\u202E',
      '\u200B',
      '\uD800',
      '\r',
      '\u2028',
      '1e999999',
      '\\u0000',
      '\\uD800',
    )
    .chain((unit) => repeated(`odd ${JSON.stringify(unit)}`, unit, 10_000)),
  fc
    .constantFrom('utf-16', 'gb2312', 'x-unknown', 'utf-7', 'iso-2022-jp', 'shift_jis', 'utf-32')
    .map((name) => ({
      text: `<?xml version="1.0" encoding="${name}"?><meta charset="${name}">`,
      label: `declares ${name}`,
    })),
);

export function mutationArbitrary(donors: number): fc.Arbitrary<Mutation> {
  return fc.oneof(
    position.map((at) => ({ kind: 'cut' as const, at })),
    fc.record({
      kind: fc.constant('splice' as const),
      at: position,
      donor: fc.nat({ max: donors - 1 }),
      from: position,
      length: fc.integer({ min: 1, max: 50_000 }),
    }),
    fc.record({
      kind: fc.constant('duplicate' as const),
      from: position,
      length: fc.integer({ min: 1, max: 5_000 }),
      times: fc.integer({ min: 2, max: 300 }),
    }),
    fc.record({
      kind: fc.constant('flip' as const),
      at: position,
      count: fc.integer({ min: 1, max: 64 }),
      mask: fc.integer({ min: 1, max: 255 }),
    }),
    fc
      .tuple(position, hostileText)
      .map(([at, { text, label }]) => ({ kind: 'insert' as const, at, text, label })),
  );
}

const index = (fraction: number, length: number) => Math.floor(fraction * length);

export function applyMutation(doc: Buffer, mutation: Mutation, donors: Buffer[]): Buffer {
  switch (mutation.kind) {
    case 'cut':
      return doc.subarray(0, index(mutation.at, doc.length));
    case 'splice': {
      const donor = donors[mutation.donor] ?? doc;
      const from = index(mutation.from, donor.length);
      const piece = donor.subarray(from, from + mutation.length);
      const at = index(mutation.at, doc.length);
      return Buffer.concat([doc.subarray(0, at), piece, doc.subarray(at)]);
    }
    case 'duplicate': {
      const from = index(mutation.from, doc.length);
      const piece = doc.subarray(from, from + mutation.length);
      const copies = Array.from({ length: mutation.times }, () => piece);
      return Buffer.concat([doc.subarray(0, from), ...copies, doc.subarray(from)]);
    }
    case 'flip': {
      const copy = Buffer.from(doc);
      const at = index(mutation.at, copy.length);
      for (let i = at; i < Math.min(copy.length, at + mutation.count); i += 1) {
        copy[i] = (copy[i] ?? 0) ^ mutation.mask;
      }
      return copy;
    }
    case 'insert': {
      const at = index(mutation.at, doc.length);
      return Buffer.concat([doc.subarray(0, at), Buffer.from(mutation.text), doc.subarray(at)]);
    }
  }
}

export function describeMutation(mutation: Mutation): string {
  switch (mutation.kind) {
    case 'cut':
      return `cut at ${(mutation.at * 100).toFixed(0)}%`;
    case 'splice':
      return `splice ${mutation.length} bytes of document #${mutation.donor}`;
    case 'duplicate':
      return `duplicate ${mutation.length} bytes ×${mutation.times}`;
    case 'flip':
      return `flip ${mutation.count} bytes`;
    case 'insert':
      return `insert ${mutation.label}`;
  }
}

/** Applies the mutations in order, keeping the result within what a fetch may return. */
export function mutate(doc: Buffer, mutations: Mutation[], donors: Buffer[]): Buffer {
  let out = doc;
  for (const mutation of mutations) {
    out = applyMutation(out, mutation, donors);
    if (out.length > MAX_DOCUMENT_BYTES) out = out.subarray(0, MAX_DOCUMENT_BYTES);
  }
  return out;
}
