/**
 * A pretend internet for one test process. Every TCP connection this process opens passes
 * here first: loopback 127.0.0.x is allowed, a few "public" addresses chosen by the test are
 * quietly routed to servers on 127.0.0.1 (same port), and anything else is recorded and
 * refused before a packet leaves, so a bug in the bot's address guard shows up as a record
 * instead of traffic to the outside world.
 *
 * It also answers DNS for the bot's fetcher: `lookup` serves the names the test defines.
 */
import net, { type LookupFunction } from 'node:net';

export interface VirtualNetwork {
  /** Connections that would have left loopback (never opened). */
  readonly escaped: { address: string; port: number }[];
  /** Connections to a routed public address, with where they were sent. */
  readonly routed: { address: string; port: number }[];
  /** Sends connections for `publicAddress` to 127.0.0.1 on the same port. */
  route(publicAddress: string): void;
  /** Defines what a name resolves to (one or more addresses); unknown names do not resolve. */
  setDns(name: string, ...addresses: string[]): void;
  /** A resolver for `createSourceAccess(config, { lookup })`. */
  lookup: LookupFunction;
  restore(): void;
}

type Answer = { address: string; family: number };
type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | Answer[],
  family?: number,
) => void;

const isLoopback = (address: string) => /^127\.0\.0\.\d{1,3}$/.test(address);

function refusal(address: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`test network: no route to ${address}`), {
    code: 'ECONNREFUSED',
  });
}

export function installVirtualNetwork(): VirtualNetwork {
  const routes = new Set<string>();
  const dns = new Map<string, string[]>();
  const escaped: VirtualNetwork['escaped'] = [];
  const routed: VirtualNetwork['routed'] = [];

  /** Where a connection to `address` really goes, or undefined when it must not happen. */
  const destination = (address: string, port: number): string | undefined => {
    if (isLoopback(address)) return address;
    if (routes.has(address)) {
      routed.push({ address, port });
      return '127.0.0.1';
    }
    escaped.push({ address, port });
    return undefined;
  };

  const original = net.Socket.prototype.connect;
  const patched = function (this: net.Socket, ...args: unknown[]) {
    const first = args[0];
    const options = (Array.isArray(first) ? first[0] : first) as
      | (net.TcpSocketConnectOpts & { path?: string })
      | number
      | string
      | undefined;
    if (typeof options !== 'object' || options === null || options.path) {
      // connect(port, host) is not used by Node's HTTP stack; refuse it rather than guess.
      if (typeof options === 'number' || typeof options === 'string') {
        process.nextTick(() => this.destroy(refusal(String(args[1] ?? 'localhost'))));
        return this;
      }
      return original.apply(this, args as Parameters<typeof original>);
    }
    const port = Number(options.port);
    const host = options.host ?? 'localhost';
    if (net.isIP(host)) {
      const to = destination(host, port);
      if (!to) {
        process.nextTick(() => this.destroy(refusal(host)));
        return this;
      }
      options.host = to;
    } else {
      const resolve = options.lookup;
      if (!resolve) {
        // Only the bot's fetcher connects by name, and it always brings its guarded lookup.
        process.nextTick(() => this.destroy(refusal(host)));
        return this;
      }
      options.lookup = ((hostname, lookupOptions, callback: LookupCallback) => {
        resolve(hostname, lookupOptions, ((error, address, family) => {
          if (error) return callback(error, address, family);
          const answers: Answer[] =
            typeof address === 'string' ? [{ address, family: family ?? 4 }] : address;
          const allowed: Answer[] = [];
          for (const answer of answers) {
            const to = destination(answer.address, port);
            if (to) allowed.push({ address: to, family: 4 });
          }
          const chosen = allowed[0];
          if (!chosen) return callback(refusal(answers[0]?.address ?? hostname), '', 4);
          if (typeof address === 'string') callback(null, chosen.address, chosen.family);
          else callback(null, allowed);
        }) as LookupCallback);
      }) as LookupFunction;
    }
    return original.apply(this, args as Parameters<typeof original>);
  };
  net.Socket.prototype.connect = patched as typeof original;

  const lookup = ((hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    const addresses = dns.get(hostname.toLowerCase().replace(/\.$/, ''));
    process.nextTick(() => {
      if (!addresses || addresses.length === 0) {
        const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
          code: 'ENOTFOUND',
        });
        return callback(error, '', 4);
      }
      const answers = addresses.map((address) => ({ address, family: net.isIP(address) }));
      if (options.all) callback(null, answers);
      else callback(null, answers[0]!.address, answers[0]!.family);
    });
  }) as unknown as LookupFunction;

  return {
    escaped,
    routed,
    route: (address) => void routes.add(address),
    setDns: (name, ...addresses) => void dns.set(name.toLowerCase(), addresses),
    lookup,
    restore() {
      net.Socket.prototype.connect = original;
    },
  };
}
