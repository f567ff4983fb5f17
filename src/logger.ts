import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';

export type { Logger };

export interface LoggerOptions {
  level: string;
  format: 'pretty' | 'json' | 'auto';
  /** Values that must never reach a log line, whatever object carries them. */
  secrets?: string[];
  destination?: NodeJS.WritableStream;
}

/**
 * pino, readable in a terminal and JSON in production. Every line passes a scrubber so a
 * secret (the bot token) cannot leak through an error message or a stray object.
 */
export function createLogger(options: LoggerOptions): Logger {
  const out = options.destination ?? process.stdout;
  const usePretty =
    options.format === 'pretty' ||
    (options.format === 'auto' && process.env.NODE_ENV !== 'production' && isTerminal(out));
  const sink = usePretty
    ? loadPretty()({ destination: out, colorize: isTerminal(out), sync: true })
    : out;
  const secrets = (options.secrets ?? []).filter((s) => s.length > 0);
  return pino(
    {
      level: options.level,
      redact: {
        paths: ['token', '*.token', 'DISCORD_TOKEN', '*.DISCORD_TOKEN', 'headers.authorization'],
        censor: '[secret]',
      },
    },
    secrets.length > 0 ? scrubbing(sink, secrets) : sink,
  );
}

/** pino-pretty (and its dependencies) only when a terminal reads the log, not in production. */
function loadPretty(): typeof PinoPretty {
  return createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;
}

function isTerminal(stream: NodeJS.WritableStream): boolean {
  return Boolean((stream as { isTTY?: boolean }).isTTY);
}

function scrubbing(sink: NodeJS.WritableStream, secrets: string[]): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      let line = chunk.toString();
      for (const secret of secrets) line = line.split(secret).join('[secret]');
      sink.write(line);
      done();
    },
  });
}

/** A logger that drops everything, for tests and library callers. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
