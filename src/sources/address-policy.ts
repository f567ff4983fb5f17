import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Which addresses a source may connect to. `false`: public unicast only; `true`: anything;
 * a list of CIDR ranges: public plus those ranges (the operator's ALLOW_PRIVATE_SOURCES).
 */
export type PrivateAccess = boolean | string[];

type Address = ipaddr.IPv4 | ipaddr.IPv6;

const RANGE_DESCRIPTIONS: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private-network address',
  linkLocal: 'a link-local address',
  uniqueLocal: 'a unique-local (private IPv6) address',
  carrierGradeNat: 'a carrier-grade NAT address',
  unspecified: 'an unspecified address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  reserved: 'a reserved address',
  ipv4Compatible: 'an IPv4-compatible IPv6 address',
};

/** Only canonical text from DNS or a parsed URL is accepted; anything odd counts as blocked. */
function parseAddress(ip: string): Address | undefined {
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  if (isIP(bare) === 0 || !ipaddr.isValid(bare)) return undefined;
  const address = ipaddr.parse(bare);
  // An IPv4-mapped IPv6 address reaches the IPv4 host, so it is judged as that host.
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (address as ipaddr.IPv6).toIPv4Address();
  }
  return address;
}

function rangeOf(address: Address): string {
  const range = address.range();
  // ipaddr.js calls the deprecated ::a.b.c.d form "unicast", but it embeds an IPv4 host.
  if (address.kind() === 'ipv6' && range === 'unicast') {
    const parts = (address as ipaddr.IPv6).parts;
    if (parts.slice(0, 6).every((part) => part === 0)) return 'ipv4Compatible';
  }
  return range;
}

/** The operator's ranges, parsed once each: every fetch of every source checks them. */
const parsedRanges = new Map<string, [Address, number]>();

function parseRange(cidr: string): [Address, number] {
  const known = parsedRanges.get(cidr);
  if (known) return known;
  try {
    const parsed = ipaddr.parseCIDR(cidr.trim());
    parsedRanges.set(cidr, parsed);
    return parsed;
  } catch {
    throw new Error(
      `ALLOW_PRIVATE_SOURCES: "${cidr}" is not a CIDR range such as 127.0.0.1/32 or fd00::/8`,
    );
  }
}

/** Throws a clear error when the operator's list holds something that is not a CIDR range. */
export function checkPrivateAccess(allow: PrivateAccess): void {
  if (Array.isArray(allow)) for (const cidr of allow) parseRange(cidr);
}

function inAllowedRanges(address: Address, ranges: string[]): boolean {
  return ranges.some((cidr) => {
    const [network, bits] = parseRange(cidr);
    return network.kind() === address.kind() && address.match(network, bits);
  });
}

/** True when a source may connect to `ip` under the operator's policy. */
export function isAddressAllowed(ip: string, allow: PrivateAccess): boolean {
  const address = parseAddress(ip);
  if (!address) return false;
  if (allow === true) return true;
  if (rangeOf(address) === 'unicast') return true;
  return Array.isArray(allow) && inAllowedRanges(address, allow);
}

/** "a loopback address", "a private-network address", … for messages that explain a refusal. */
export function describeAddress(ip: string): string {
  const address = parseAddress(ip);
  if (!address) return 'not a valid IP address';
  const range = rangeOf(address);
  if (range === 'unicast') return 'a public address';
  return RANGE_DESCRIPTIONS[range] ?? `a non-public address (${range})`;
}
