/**
 * Which IP addresses are on the public internet, and the allow-list an operator can open for the
 * others. Pure: the download guard asks these on every address it is about to connect to.
 */
import { isIP } from 'node:net';

export interface IpAddress {
  family: 4 | 6;
  /** 4 or 16 bytes, network order. */
  bytes: number[];
}

export interface IpRange {
  base: IpAddress;
  prefix: number;
}

function parseV4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) return undefined;
  return parts.map(Number);
}

function parseV6(text: string): number[] | undefined {
  let address = text.split('%')[0];
  // A trailing dotted quad (::ffff:127.0.0.1) stands for the last two groups.
  const lastColon = address.lastIndexOf(':');
  if (address.includes('.')) {
    const v4 = parseV4(address.slice(lastColon + 1));
    if (!v4) return undefined;
    address = `${address.slice(0, lastColon + 1)}${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  }
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (half: string) => (half === '' ? [] : half.split(':'));
  const left = groupsOf(halves[0]);
  const right = halves.length === 2 ? groupsOf(halves[1]) : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  if (groups.some((group) => !/^[0-9a-f]{1,4}$/i.test(group))) return undefined;
  return groups.flatMap((group) => [parseInt(group, 16) >> 8, parseInt(group, 16) & 0xff]);
}

/** An IPv4 or IPv6 address as Node and URLs write it (IPv6 with or without brackets and zone); undefined otherwise. */
export function parseIp(text: string): IpAddress | undefined {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const family = isIP(bare);
  if (family === 4) {
    const bytes = parseV4(bare);
    return bytes && { family: 4, bytes };
  }
  if (family === 6) {
    const bytes = parseV6(bare);
    return bytes && { family: 6, bytes };
  }
  return undefined;
}

/** `10.0.0.0/8`, `fd00::/8`, or one address (a /32 or /128); undefined when it is neither. */
export function parseRange(text: string): IpRange | undefined {
  const [address, prefixText, ...rest] = text.split('/');
  const base = parseIp(address);
  if (!base || rest.length) return undefined;
  const bits = base.bytes.length * 8;
  if (prefixText === undefined) return { base, prefix: bits };
  const prefix = /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  return prefix >= 0 && prefix <= bits ? { base, prefix } : undefined;
}

export function inRange(ip: IpAddress, range: IpRange): boolean {
  if (ip.family !== range.base.family) return false;
  for (let bit = 0; bit < range.prefix; bit += 8) {
    const take = Math.min(8, range.prefix - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    if ((ip.bytes[bit / 8] & mask) !== (range.base.bytes[bit / 8] & mask)) return false;
  }
  return true;
}

function ranges(table: ReadonlyArray<readonly [string, string]>): Array<{ range: IpRange; reason: string }> {
  return table.map(([cidr, reason]) => ({ range: parseRange(cidr)!, reason }));
}

/** IANA's special-purpose IPv4 registry, as far as it is not reachable on the internet, plus Azure's host address. */
const NON_PUBLIC_V4 = ranges([
  ['0.0.0.0/8', 'an unspecified address'],
  ['10.0.0.0/8', 'a private address (RFC 1918)'],
  ['100.64.0.0/10', 'a carrier-grade NAT address (RFC 6598)'],
  ['127.0.0.0/8', 'a loopback address'],
  ['169.254.0.0/16', 'a link-local address, where cloud metadata services answer'],
  ['172.16.0.0/12', 'a private address (RFC 1918)'],
  ['192.0.0.0/24', 'an address reserved for IETF protocols'],
  ['192.0.2.0/24', 'a documentation address'],
  ['192.88.99.0/24', 'a reserved address (former 6to4 relays)'],
  ['192.168.0.0/16', 'a private address (RFC 1918)'],
  ['198.18.0.0/15', 'an address reserved for benchmarks'],
  ['198.51.100.0/24', 'a documentation address'],
  ['203.0.113.0/24', 'a documentation address'],
  ['224.0.0.0/4', 'a multicast address'],
  ['240.0.0.0/4', 'a reserved address'],
  // Public in form, but only Azure's own hosts answer there (WireServer: VM agent and extensions).
  ['168.63.129.16/32', "the Azure platform's host address"],
]);

const NON_PUBLIC_V6 = ranges([
  ['::/128', 'an unspecified address'],
  ['::1/128', 'a loopback address'],
  ['64:ff9b:1::/48', 'a local-use NAT64 address'],
  ['100::/64', 'a discard-only address'],
  ['2001::/23', 'an address reserved for IETF protocols (Teredo among them)'],
  ['2001:db8::/32', 'a documentation address'],
  ['3fff::/20', 'a documentation address'],
  ['fc00::/7', 'a private (unique local) address, where cloud metadata services also answer'],
  ['fe80::/10', 'a link-local address'],
  ['fec0::/10', 'a site-local address'],
  ['ff00::/8', 'a multicast address'],
]);

const GLOBAL_UNICAST_V6 = parseRange('2000::/3')!;

/** IPv6 forms that carry an IPv4 address the packets end up at: mapped, NAT64 (well-known prefix) and 6to4. */
const EMBEDDING_V4: Array<{ range: IpRange; offset: number }> = [
  { range: parseRange('::ffff:0:0/96')!, offset: 12 },
  { range: parseRange('64:ff9b::/96')!, offset: 12 },
  { range: parseRange('2002::/16')!, offset: 2 },
];

/** The IPv4 address an IPv6 address stands for, if it embeds one; else the address itself. */
export function unwrapIpv4(ip: IpAddress): IpAddress {
  if (ip.family === 6) {
    for (const { range, offset } of EMBEDDING_V4) {
      if (inRange(ip, range)) return { family: 4, bytes: ip.bytes.slice(offset, offset + 4) };
    }
  }
  return ip;
}

/**
 * Why a download must not go to `address` ("a loopback address", ...), or undefined when it is a
 * public one. IPv6 that embeds IPv4 is judged by the IPv4 address; IPv6 outside global unicast
 * (2000::/3) is never public.
 */
export function nonPublicReason(address: string): string | undefined {
  const parsed = parseIp(address);
  if (!parsed) return 'not an IP address';
  const ip = unwrapIpv4(parsed);
  const table = ip.family === 4 ? NON_PUBLIC_V4 : NON_PUBLIC_V6;
  const hit = table.find(({ range }) => inRange(ip, range));
  if (hit) return hit.reason;
  if (ip.family === 6 && !inRange(ip, GLOBAL_UNICAST_V6)) return 'a reserved address (not IPv6 global unicast)';
  return undefined;
}
