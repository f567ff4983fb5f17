import fc from 'fast-check';
import { expect, test } from 'vitest';
import { clip, safeClip, safeText } from '../../src/discord/safe-text.ts';

const MENTION = /<@[!&]?\d+>|@everyone|@here/;

test('no text, however built, comes out of safeText as a mention', () => {
  const pieces = fc.constantFrom(
    '@',
    'everyone',
    'here',
    '<',
    '>',
    '&',
    '!',
    '123',
    ' ',
    '*',
    '\\',
  );
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
      expect(safeText(parts.join(''))).not.toMatch(MENTION);
    }),
  );
});

test('clip prefers a sentence end, then a word end, and marks the cut', () => {
  expect(clip('Short text.', 50)).toBe('Short text.');
  expect(clip('First sentence here. Second sentence is much longer than that.', 36)).toBe(
    'First sentence here. …',
  );
  expect(clip('one two three four five six seven', 20)).toBe('one two three four…');
});

test('safeClip stays within the limit even when escaping adds characters', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 10, max: 300 }), (text, max) => {
      expect(safeClip(text, max).length).toBeLessThanOrEqual(max);
    }),
  );
  expect(safeClip('*'.repeat(100), 20).length).toBeLessThanOrEqual(20);
});
