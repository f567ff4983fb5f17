import { describe, expect, it } from 'vitest';
import { parseSourceUrl, SourceUrlError } from '../../../src/sources/source-url.ts';

describe('parseSourceUrl', () => {
  it('accepts http and https URLs', () => {
    expect(parseSourceUrl('https://www.example.com/live/1?page=2').href).toBe(
      'https://www.example.com/live/1?page=2',
    );
    expect(parseSourceUrl('  http://example.com  ').href).toBe('http://example.com/');
  });

  it.each([
    ['file:///etc/passwd', 'file:'],
    ['ftp://example.com/feed.xml', 'ftp:'],
    ['javascript:alert(1)', 'javascript:'],
    ['data:text/html,<p>hi</p>', 'data:'],
    ['gopher://127.0.0.1:6379/_INFO', 'gopher:'],
  ])('refuses %s, naming the scheme', (input, scheme) => {
    expect(() => parseSourceUrl(input)).toThrow(SourceUrlError);
    expect(() => parseSourceUrl(input)).toThrow(
      `only http(s) URLs can be followed: ${scheme} is not allowed`,
    );
  });

  it('refuses credentials without repeating them', () => {
    for (const input of ['https://admin:hunter2@example.com/', 'https://token@example.com/']) {
      expect(() => parseSourceUrl(input)).toThrow(/user name or password/);
      expect(() => parseSourceUrl(input)).not.toThrow(/hunter2|token/);
    }
  });

  it('says what is wrong with text that is not a URL, suggesting https for a bare host', () => {
    expect(() => parseSourceUrl('www.example.com/live')).toThrow(
      '"www.example.com/live" is not a valid URL (did you mean https://www.example.com/live?)',
    );
    expect(() => parseSourceUrl('not a url')).toThrow('"not a url" is not a valid URL');
  });
});
