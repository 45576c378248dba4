/**
 * SAFEADAPT_TRUST_PROXY → Fastify's `trustProxy`: how many reverse proxies stand in front (a number: the client
 * is the rightmost address the proxies did not add), or which proxy addresses to trust (a comma-separated list of
 * addresses or CIDRs). Trusting every hop would take the leftmost X-Forwarded-For, which the client writes.
 */
export function trustProxySetting(
  value: string | undefined,
): false | string[] | ((address: string, hop: number) => boolean) {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0') return false;
  // A count: the first `hops` addresses from our side are the proxies (Fastify's own number form fails closed).
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return (_address, hop) => hop < hops;
  }
  return text
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
}
