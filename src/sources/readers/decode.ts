/**
 * Turns fetched bytes into text. Feeds and pages in the wild declare their charset in
 * up to three places (BOM, HTTP header, XML declaration / <meta>) and sometimes lie;
 * when a declaration disagrees with the bytes, the bytes win.
 */

export interface DecodedText {
  text: string;
  /** The WHATWG encoding name that was used, e.g. 'utf-8', 'windows-1252', 'gbk'. */
  encoding: string;
  warnings: string[];
}

/** How far into the document a charset declaration is looked for. */
const SNIFF_BYTES = 8192;

export function decodeBytes(bytes: Uint8Array, contentType?: string): DecodedText {
  const warnings: string[] = [];
  const bom = bomEncoding(bytes);
  if (bom) {
    return {
      text: decodeWith(bom.encoding, bytes.subarray(bom.length)),
      encoding: bom.encoding,
      warnings,
    };
  }

  const fromHeader = normaliseLabel(charsetFromContentType(contentType));
  const fromDocument = normaliseLabel(charsetFromDocument(bytes));
  const utf8 = tryUtf8(bytes);

  // Valid UTF-8 with non-ASCII bytes is practically never another charset by accident,
  // so the bytes beat a single-byte declaration; a false UTF-8 claim falls through.
  const declared = fromDocument ?? fromHeader;
  if (utf8 !== undefined) {
    if (declared && declared !== 'utf-8' && hasNonAscii(bytes)) {
      warnings.push(`the document declares ${declared} but its bytes are UTF-8; read as UTF-8`);
    }
    return { text: utf8, encoding: 'utf-8', warnings };
  }
  for (const label of [fromDocument, fromHeader]) {
    if (label === undefined || label === 'utf-8') continue;
    const text = tryDecode(label, bytes);
    if (text !== undefined) return { text, encoding: label, warnings };
    warnings.push(`unknown character encoding "${label}" declared; guessed instead`);
  }
  if (fromHeader === 'utf-8' || fromDocument === 'utf-8') {
    warnings.push('the document claims UTF-8 but its bytes are not; read it as Windows-1252');
  }
  // Bytes that are not UTF-8 and carry no usable declaration are almost always Latin-1.
  return { text: decodeWith('windows-1252', bytes), encoding: 'windows-1252', warnings };
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', length: 3 };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  // UTF-16 without a BOM still starts with "<" next to a zero byte.
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] !== 0x00) {
    return { encoding: 'utf-16le', length: 0 };
  }
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return { encoding: 'utf-16be', length: 0 };
  return undefined;
}

function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const match = /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType);
  return match?.[1];
}

/** The XML declaration or an HTML <meta> charset, read from the first bytes as ASCII. */
function charsetFromDocument(bytes: Uint8Array): string | undefined {
  const head = asciiHead(bytes);
  const xmlDecl = /^\s*<\?xml\b[^>]{0,200}?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  if (xmlDecl) return xmlDecl[1];
  const metaCharset = /<meta\b[^>]{0,300}?\bcharset\s*=\s*["']?([A-Za-z0-9._:-]+)/i.exec(head);
  return metaCharset?.[1];
}

function asciiHead(bytes: Uint8Array): string {
  const head = bytes.subarray(0, SNIFF_BYTES);
  let out = '';
  for (const byte of head) out += byte < 0x80 ? String.fromCharCode(byte) : '?';
  return out;
}

/** Maps a declared label to what TextDecoder accepts; undefined when unusable. */
function normaliseLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const lower = label.trim().toLowerCase();
  if (lower === 'utf8' || lower === 'utf-8' || lower === 'unicode-1-1-utf-8') return 'utf-8';
  // A document read as text already lost its UTF-16 BOM; the bytes decide then.
  if (lower.startsWith('utf-16') || lower === 'unicode') return undefined;
  try {
    return new TextDecoder(lower).encoding;
  } catch {
    return lower;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte >= 0x80) return true;
  return false;
}

function tryUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return decodeWith(label, bytes);
  } catch {
    return undefined;
  }
}

function decodeWith(label: string, bytes: Uint8Array): string {
  const text = new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
  return label === 'windows-1252' ? fixWindows1252(text) : text;
}

/** Windows-1252's printable characters at 0x80–0x9F (undefined slots stay as they are). */
const WINDOWS_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Node's TextDecoder decodes "windows-1252" (and so every Latin-1 label) as ISO-8859-1,
 * leaving C1 control characters where the text had curly quotes, dashes and "€".
 */
function fixWindows1252(text: string): string {
  return text.replace(
    /[\u0080-\u009f]/g,
    (char) => WINDOWS_1252[char.charCodeAt(0) - 0x80] ?? char,
  );
}
