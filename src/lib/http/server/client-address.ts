/**
 * Who is on the other end of a request. Behind a reverse proxy every request comes from the
 * proxy's address, and the client's is in X-Forwarded-For — but anyone can send that header, so
 * it is read only when the request really came from a proxy the operator named in
 * TRUSTED_PROXIES. By default no proxy is trusted and the socket address is the client.
 */
import { BlockList, isIP } from 'node:net';

export type ProxyMatcher = (address: string) => boolean;

/** "::ffff:10.0.0.1" is the IPv4 address 10.0.0.1 on a dual-stack socket. */
const plain = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

/** Why a TRUSTED_PROXIES value is unusable, or null: a comma-separated list of IPs and CIDR ranges. */
export function trustedProxiesProblem(value: string): string | null {
  for (const entry of value.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= maxBits))) {
      return `"${entry}" is not an IP address or CIDR range (e.g. 10.0.0.5 or 10.0.0.0/24)`;
    }
  }
  return null;
}

export function proxyMatcher(value: string): ProxyMatcher {
  const list = new BlockList();
  let any = false;
  for (const entry of value.split(',').map((e) => e.trim()).filter(Boolean)) {
    const [address, bits] = entry.split('/') as [string, string | undefined];
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
    any = true;
  }
  if (!any) return () => false;
  return (address) => {
    const a = plain(address);
    const family = isIP(a);
    return family !== 0 && list.check(a, family === 6 ? 'ipv6' : 'ipv4');
  };
}

/**
 * The client's address: the socket's, unless the socket is a trusted proxy; then the nearest
 * address in X-Forwarded-For (read from the right, as each proxy appends) that is not itself a
 * trusted proxy. Entries further left were written by the client and prove nothing.
 */
export function clientAddress(peer: string, forwardedFor: string | null | undefined, trusted: ProxyMatcher): string {
  let address = plain(peer);
  if (!trusted(address) || !forwardedFor) return address;
  const hops = forwardedFor.split(',').map(plain).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!isIP(hop)) return address;
    address = hop;
    if (!trusted(hop)) return hop;
  }
  return address;
}

/** Whether the request reached us over HTTPS: its own URL, or X-Forwarded-Proto from a trusted proxy. */
export function servedOverHttps(url: URL, peer: string | undefined, forwardedProto: string | null | undefined, trusted: ProxyMatcher): boolean {
  if (url.protocol === 'https:') return true;
  if (!peer || !trusted(plain(peer)) || !forwardedProto) return false;
  return forwardedProto.split(',')[0]!.trim().toLowerCase() === 'https';
}
