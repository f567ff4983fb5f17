/** Why a source URL was refused, worded for the admin who typed it. */
export class SourceUrlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceUrlError';
  }
}

const MAX_ECHO = 120;

function echo(input: string): string {
  return input.length > MAX_ECHO ? `${input.slice(0, MAX_ECHO)}…` : input;
}

/** Parses a URL a source may be fetched from: http(s) only, with no user name or password. */
export function parseSourceUrl(input: string): URL {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    const hint = /^[\w-]+(\.[\w-]+)+(\/|$)/.test(text) ? ` (did you mean https://${text}?)` : '';
    throw new SourceUrlError(`"${echo(text)}" is not a valid URL${hint}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SourceUrlError(`only http(s) URLs can be followed: ${url.protocol} is not allowed`);
  }
  // Credentials would end up in logs and in every error message that names the URL.
  if (url.username !== '' || url.password !== '') {
    throw new SourceUrlError('URLs with a user name or password in them are not allowed');
  }
  return url;
}
