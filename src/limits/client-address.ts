import { isIP } from 'node:net';

/**
 * The client's address for rate limits: the socket's peer, unless `trustProxy` proxies stand in
 * front; then the address the outermost of them saw, read from the right of X-Forwarded-For
 * (entries further left are written by the client and can be forged). Express counts hops the same way.
 */
export function clientAddress(socketAddress: string | undefined, forwardedFor: string | null, trustProxy: number): string | null {
  const chain = trustProxy > 0 && forwardedFor ? forwardedFor.split(',').map((entry) => entry.trim()) : [];
  const hops = [...chain, socketAddress ?? ''];
  const candidate = hops[Math.max(0, hops.length - 1 - trustProxy)];
  const address = candidate && isIP(stripZone(candidate)) ? candidate : socketAddress;
  return address ? bucketAddress(address) : null;
}

/**
 * Whether a bucketed address (bucketAddress) is this host's loopback: the machine itself, or a
 * proxy on it that TRUST_PROXY does not name (then every client would share its one bucket).
 */
export const isLoopback = (address: string): boolean => address.startsWith('127.') || address === '0:0:0:0::/64';

const stripZone = (address: string) => address.replace(/%.*$/, '');

/**
 * The part of an address that names one client: an IPv4 address (also IPv4-mapped IPv6), or the
 * /64 prefix of an IPv6 address, since one host commonly holds a whole /64.
 */
export function bucketAddress(address: string): string {
  const plain = stripZone(address).toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(plain);
  if (mapped) return mapped[1]!;
  if (isIP(plain) !== 6) return plain;
  const [head = '', tail] = plain.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])) : []);
  const before = groups(head);
  const after = groups(tail);
  const full = tail === undefined ? before : [...before, ...Array<string>(8 - before.length - after.length).fill('0'), ...after];
  return `${full.slice(0, 4).map((group) => Number.parseInt(group, 16).toString(16)).join(':')}::/64`;
}
