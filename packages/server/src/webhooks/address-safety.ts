import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook must never reach (SSRF): loopback, private, carrier-grade NAT,
 * link-local (cloud metadata 169.254.169.254), unique-local, multicast, reserved and
 * documentation ranges.
 */
const FORBIDDEN = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  FORBIDDEN.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  FORBIDDEN.addSubnet(network, prefix, 'ipv6');
}

/**
 * True for an address a webhook may not be sent to. An IPv6 address that carries an IPv4
 * address is judged by the IPv4 address (or addresses) it carries, since that is where a
 * translator or tunnel on the way delivers it: IPv4-compatible `::a.b.c.d` (`::7f00:1`),
 * IPv4-mapped `::ffff:a.b.c.d`, IPv4-translated `::ffff:0:a.b.c.d`, NAT64 `64:ff9b::/96` and
 * the local-use `64:ff9b:1::/48`, 6to4 `2002::/16` and Teredo `2001::/32` (server and client).
 *
 * @example
 * isForbiddenAddress('169.254.169.254'); // true
 * isForbiddenAddress('::7f00:1'); // true (IPv4-compatible 127.0.0.1)
 * isForbiddenAddress('2002:a00:1::'); // true (6to4 of 10.0.0.1)
 * isForbiddenAddress('93.184.216.34'); // false
 */
export function isForbiddenAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) return FORBIDDEN.check(address, 'ipv4');
  if (version !== 6) return true;
  const bytes = ipv6Bytes(address);
  if (!bytes) return true;
  const carried = carriedIpv4(bytes);
  if (carried.length > 0) return carried.some((ipv4) => FORBIDDEN.check(ipv4, 'ipv4'));
  return FORBIDDEN.check(address.split('%')[0] as string, 'ipv6');
}

/**
 * The IPv4 addresses an IPv6 address carries, by the prefix that says where they sit; none for
 * a plain IPv6 address.
 */
function carriedIpv4(bytes: Uint8Array): string[] {
  const word = (index: number) => ((bytes[index * 2] as number) << 8) | (bytes[index * 2 + 1] as number);
  const ipv4At = (...indexes: number[]) => indexes.map((index) => bytes[index]).join('.');
  const last32 = ipv4At(12, 13, 14, 15);
  const zeroWords = (count: number) =>
    Array.from({ length: count }, (_, index) => word(index)).every((w) => w === 0);
  // ::a.b.c.d (IPv4-compatible, which includes :: and ::1) and ::ffff:a.b.c.d (IPv4-mapped).
  if (zeroWords(5) && (word(5) === 0 || word(5) === 0xffff)) return [last32];
  // ::ffff:0:a.b.c.d (IPv4-translated, RFC 2765).
  if (zeroWords(4) && word(4) === 0xffff && word(5) === 0) return [last32];
  // 64:ff9b::/96, the well-known NAT64 prefix (RFC 6052).
  if (word(0) === 0x64 && word(1) === 0xff9b && [2, 3, 4, 5].every((index) => word(index) === 0)) {
    return [last32];
  }
  // 64:ff9b:1::/48, local-use NAT64 (RFC 8215): the operator picks the prefix length, so every
  // RFC 6052 position a /48 or longer prefix can use is judged; a position counts when the
  // suffix after it is zero, as RFC 6052 requires (bits 64–71, the u octet, sit between).
  if (word(0) === 0x64 && word(1) === 0xff9b && word(2) === 1) {
    const zeroFrom = (start: number) => bytes.subarray(start).every((byte) => byte === 0);
    const positions: [number[], number][] = [
      [[6, 7, 9, 10], 11],
      [[7, 9, 10, 11], 12],
      [[9, 10, 11, 12], 13],
    ];
    return [
      ...positions.filter(([, suffix]) => zeroFrom(suffix)).map(([indexes]) => ipv4At(...indexes)),
      last32,
    ];
  }
  // 2002::/16, 6to4 (RFC 3056): the IPv4 address is bits 16–48.
  if (word(0) === 0x2002) return [ipv4At(2, 3, 4, 5)];
  // 2001::/32, Teredo (RFC 4380): the server is bits 32–64, the client the last 32 bits inverted.
  if (word(0) === 0x2001 && word(1) === 0) {
    const client = [12, 13, 14, 15].map((index) => (bytes[index] as number) ^ 0xff).join('.');
    return [ipv4At(4, 5, 6, 7), client];
  }
  return [];
}

/** The 16 bytes of an IPv6 address in any notation (`::`, a dotted tail, a zone); null if it is none. */
function ipv6Bytes(address: string): Uint8Array | null {
  let text = (address.split('%')[0] as string).toLowerCase();
  const words: number[] = [];
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  let tail: number[] = [];
  if (dotted) {
    const octets = dotted.slice(1).map(Number);
    if (octets.some((octet) => octet > 255)) return null;
    tail = [
      ((octets[0] as number) << 8) | (octets[1] as number),
      ((octets[2] as number) << 8) | (octets[3] as number),
    ];
    text = text.slice(0, dotted.index);
    if (text.endsWith(':') && !text.endsWith('::')) text = text.slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string) =>
    part === '' ? [] : part.split(':').map((group) => Number.parseInt(group, 16));
  const head = parse(halves[0] as string);
  const rest = halves.length === 2 ? parse(halves[1] as string) : [];
  const missing = 8 - head.length - rest.length - tail.length;
  if (halves.length === 2 ? missing < 0 : missing !== 0) return null;
  words.push(...head, ...Array<number>(Math.max(missing, 0)).fill(0), ...rest, ...tail);
  if (words.length !== 8 || words.some((value) => !Number.isInteger(value) || value < 0 || value > 0xffff)) {
    return null;
  }
  const bytes = new Uint8Array(16);
  words.forEach((value, index) => {
    bytes[index * 2] = value >> 8;
    bytes[index * 2 + 1] = value & 0xff;
  });
  return bytes;
}
