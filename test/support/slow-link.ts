import type { BrowserContext, Page } from 'playwright-core';

/** Slow 3G as issue 14 measures it: 400 kbit/s each way (≈ 50,000 bytes/s), 400 ms round trip. */
export const SLOW_3G = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };

/** What a page load cost over the emulated link: bytes on the wire by address, and the time of first paint. */
export interface LinkMeter {
  /** Bytes received (headers and compressed body) for responses whose address matches, so far. */
  bytes(match?: RegExp): number;
  /** Milliseconds from the navigation's start to the first contentful paint. */
  firstPaint(): Promise<number>;
}

/** A new page of the context, on slow 3G (Chrome DevTools Protocol), its cache cold, counting what it receives. */
export async function slowPage(context: BrowserContext): Promise<{ page: Page; meter: LinkMeter }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  const urls = new Map<string, string>();
  const received: { url: string; bytes: number }[] = [];
  cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
  cdp.on('Network.loadingFinished', (e) =>
    received.push({ url: urls.get(e.requestId) ?? '', bytes: e.encodedDataLength }),
  );
  const meter: LinkMeter = {
    bytes: (match = /./) => received.filter((r) => match.test(r.url)).reduce((n, r) => n + r.bytes, 0),
    firstPaint: () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) =>
            new PerformanceObserver((list, observer) => {
              const paint = list.getEntriesByName('first-contentful-paint')[0];
              if (!paint) return;
              observer.disconnect();
              resolve(paint.startTime);
            }).observe({ type: 'paint', buffered: true }),
          ),
      ),
  };
  return { page, meter };
}
