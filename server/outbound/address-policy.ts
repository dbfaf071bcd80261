// Which addresses an outbound request (webhooks, chat messages) may reach. A URL an admin pastes must
// not become a way into the machine's own network: loopback, private, link-local (cloud metadata at
// 169.254.169.254 included), carrier-grade NAT, unspecified, multicast and reserved ranges are refused
// unless the admin allow-list names the host.
import { BlockList, isIP } from "node:net";

const refused = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  refused.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  refused.addSubnet(network, prefix, "ipv6");

/**
 * True when the address is in a refused range. IPv4-mapped IPv6 addresses are checked as IPv4 (a
 * `::ffff:0:0/96` rule would not do: BlockList matches every IPv4 address against it).
 */
export function isRefusedAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return refused.check(mapped[1]!, "ipv4");
  const family = isIP(address);
  if (family === 0) return true;
  return refused.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** Host names compare case-insensitively, without a trailing dot; IPv6 literals without brackets. */
export const normalizeHost = (host: string) =>
  host
    .trim()
    .toLowerCase()
    .replace(/\.$/, "")
    .replace(/^\[(.*)\]$/, "$1");

export const isAllowListed = (host: string, allowList: readonly string[]) => allowList.map(normalizeHost).includes(normalizeHost(host));
