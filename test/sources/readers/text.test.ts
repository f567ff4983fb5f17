import { describe, expect, it } from 'vitest';
import { htmlToText, titleFromBody } from '../../../src/sources/readers/text.ts';
import { toIsoDate } from '../../../src/sources/readers/update-draft.ts';

describe('HTML to plain text', () => {
  it('separates blocks by one blank line and keeps inline text together', () => {
    expect(
      htmlToText('<p>One <b>bold</b>\n  word.</p>\n\n<div><p>Two.</p></div><h2>Three</h2>'),
    ).toBe('One bold word.\n\nTwo.\n\nThree');
  });

  it('keeps line breaks, bullets and preformatted text', () => {
    expect(
      htmlToText('<p>a<br>b</p><ul><li>x</li><li>y</li></ul><pre>  k = 1\n  j = 2</pre>'),
    ).toBe('a\nb\n\n• x\n• y\n\nk = 1\nj = 2');
  });

  it('drops scripts, styles, images and buttons but decodes every entity', () => {
    expect(
      htmlToText(
        '<script>alert(1)</script><style>p{}</style><img alt="x"><button>Share</button>Tom &amp; Jerry&nbsp;&rsquo;s&#8230;',
      ),
    ).toBe('Tom & Jerry ’s…');
  });
});

describe('titles made from text', () => {
  it('takes the first sentence, not stopping at abbreviations', () => {
    expect(titleFromBody('Mr. Smith met Dr. Jones in the U.S. today. They talked.')).toBe(
      'Mr. Smith met Dr. Jones in the U.S. today',
    );
  });

  it('cuts a long first sentence at a word, marking the cut', () => {
    const title = titleFromBody(`${'Rescue teams continue searching the rubble '.repeat(5)}now.`);
    expect(title.length).toBeLessThanOrEqual(120);
    expect(title).toMatch(/rubble…$|searching…$|the…$|teams…$|continue…$/);
  });
});

describe('dates', () => {
  it.each([
    ['Mon, 18 Nov 2024 10:04:00 +0000', '2024-11-18T10:04:00.000Z'],
    ['Mon, 18 Nov 2024 10:04:00 -0000', '2024-11-18T10:04:00.000Z'],
    ['\n  Mon, 18 Nov 2024 10:04:00 GMT ', '2024-11-18T10:04:00.000Z'],
    ['Mon, 18 Nov 2024 11:04:00 BST', '2024-11-18T10:04:00.000Z'],
    ['2024-08-05T21:00:18.921+01:00', '2024-08-05T20:00:18.921Z'],
    ['2023-12-13T17:25:40+0000', '2023-12-13T17:25:40.000Z'],
    ['2018-09-18 14:38:10', '2018-09-18T14:38:10.000Z'],
    ['1518478934', '2018-02-12T23:42:14.000Z'],
    [1613763713000, '2021-02-19T19:41:53.000Z'],
  ])('reads %j as UTC', (input, iso) => {
    expect(toIsoDate(input)).toBe(iso);
  });

  it.each([
    '03 Apr 02 1500 GMT',
    'yesterday',
    '',
    '9999-01-01T00:00:00Z',
    'Sat, Dec 16 2023 02:02:33 PM',
  ])('omits %j', (input) => {
    expect(toIsoDate(input)).toBeUndefined();
  });
});
