import { describe, expect, it } from 'vitest';
import {
  checkPrivateAccess,
  describeAddress,
  isAddressAllowed,
} from '../../../src/sources/address-policy.ts';

describe('isAddressAllowed with the default policy (public only)', () => {
  it.each([
    ['93.184.216.34', true],
    ['8.8.8.8', true],
    ['2606:4700::1111', true],
    ['127.0.0.1', false],
    ['127.255.255.254', false],
    ['10.0.0.5', false],
    ['172.16.3.4', false],
    ['192.168.1.1', false],
    ['169.254.169.254', false], // cloud metadata endpoint
    ['100.64.0.1', false], // carrier-grade NAT
    ['0.0.0.0', false],
    ['255.255.255.255', false],
    ['224.0.0.1', false],
    ['192.0.2.10', false], // documentation range
    ['::1', false],
    ['::', false],
    ['fc00::1', false],
    ['fd12:3456::1', false],
    ['fe80::1', false],
    ['ff02::1', false],
    ['::ffff:127.0.0.1', false],
    ['::ffff:10.0.0.5', false],
    ['::ffff:7f00:1', false],
    ['::127.0.0.1', false], // deprecated IPv4-compatible form
    ['64:ff9b::a00:5', false], // NAT64 of 10.0.0.5
    ['2002:7f00:1::', false], // 6to4 of 127.0.0.1
    ['not-an-ip', false],
    ['127.1', false], // shorthand that only some parsers accept
  ])('%s → %s', (ip, expected) => {
    expect(isAddressAllowed(ip, false)).toBe(expected);
  });
});

describe('isAddressAllowed with the operator allowing ranges', () => {
  const allow = ['127.0.0.2/32', '10.1.0.0/16', 'fd00::/8'];

  it('allows exactly the listed ranges besides public addresses', () => {
    expect(isAddressAllowed('127.0.0.2', allow)).toBe(true);
    expect(isAddressAllowed('10.1.200.3', allow)).toBe(true);
    expect(isAddressAllowed('fd00::5', allow)).toBe(true);
    expect(isAddressAllowed('8.8.8.8', allow)).toBe(true);
    expect(isAddressAllowed('127.0.0.1', allow)).toBe(false);
    expect(isAddressAllowed('10.2.0.1', allow)).toBe(false);
    expect(isAddressAllowed('169.254.169.254', allow)).toBe(false);
  });

  it('judges an IPv4-mapped IPv6 address as the IPv4 host it reaches', () => {
    expect(isAddressAllowed('::ffff:127.0.0.2', allow)).toBe(true);
    expect(isAddressAllowed('::ffff:127.0.0.1', allow)).toBe(false);
  });

  it('allows everything when set to true', () => {
    expect(isAddressAllowed('127.0.0.1', true)).toBe(true);
    expect(isAddressAllowed('169.254.169.254', true)).toBe(true);
  });

  it('rejects a list entry that is not a CIDR range, naming it', () => {
    expect(() => checkPrivateAccess(['127.0.0.1/32', '999.0.0.0/8'])).toThrow(/"999.0.0.0\/8"/);
    expect(() => checkPrivateAccess(['127.0.0.1/32', '::1/128'])).not.toThrow();
  });
});

describe('describeAddress', () => {
  it.each([
    ['127.0.0.1', 'a loopback address'],
    ['::1', 'a loopback address'],
    ['::ffff:127.0.0.1', 'a loopback address'],
    ['10.0.0.5', 'a private-network address'],
    ['169.254.169.254', 'a link-local address'],
    ['100.64.0.1', 'a carrier-grade NAT address'],
    ['fc00::1', 'a unique-local (private IPv6) address'],
    ['0.0.0.0', 'an unspecified address'],
  ])('%s is %s', (ip, description) => {
    expect(describeAddress(ip)).toBe(description);
  });
});
