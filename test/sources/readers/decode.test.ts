import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/sources/read.ts';
import { decodeBytes } from '../../../src/sources/readers/decode.ts';

const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));

describe('decoding fetched bytes', () => {
  it('reads UTF-8, with or without a byte order mark', () => {
    const bytes = new TextEncoder().encode('Kyiv – “alert”');
    expect(decodeBytes(bytes).text).toBe('Kyiv – “alert”');
    expect(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes])).text).toBe('Kyiv – “alert”');
  });

  it('follows the Content-Type charset when the document says nothing', () => {
    expect(decodeBytes(latin1('Kraków'), 'text/html; charset=ISO-8859-2').text).toBe('Kraków');
  });

  it('follows a <meta charset> in an HTML page', () => {
    const html = latin1('<html><head><meta charset="windows-1252"></head><body>Zürich</body>');
    expect(decodeBytes(html).text).toContain('Zürich');
  });

  it('takes bytes that are not UTF-8 and declare nothing as Windows-1252', () => {
    expect(decodeBytes(latin1('São Paulo \x96 Notícias')).text).toBe('São Paulo – Notícias');
  });

  it('warns when a document claims UTF-8 but is not', () => {
    const decoded = decodeBytes(latin1('<?xml version="1.0" encoding="utf-8"?><a>café</a>'));
    expect(decoded.text).toContain('café');
    expect(decoded.warnings[0]).toMatch(/claims UTF-8/);
  });

  it('survives an unknown charset label', () => {
    const decoded = decodeBytes(latin1('<?xml version="1.0" encoding="x-klingon"?><a>caf\xe9</a>'));
    expect(decoded.text).toContain('café');
    expect(decoded.warnings[0]).toMatch(/unknown character encoding "x-klingon"/);
  });

  it('reads UTF-16 with a byte order mark', () => {
    const text = '<rss><channel><item><title>Привет</title></item></channel></rss>';
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i += 1) {
      utf16[2 + i * 2] = text.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(readDocument(utf16, { source: 'x' }).updates[0]?.title).toBe('Привет');
  });
});
