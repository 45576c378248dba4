import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One request of a load, as the generator sends it. */
export interface LoadRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Offered {
  /** Answers with a 2xx per second. */
  rate: number;
  /** The server's CPU time per answer (the generator runs in its own process). */
  cpu: number;
  p50: number;
  p99: number;
  errors: number;
  detail: string;
}

/**
 * Offers `load.rate` requests per second for `seconds`, open loop (open-loop-child.cjs: Poisson arrivals, latency
 * from the time each request was due), cycling through `requests`, from a child process: the server keeps
 * this process to itself, and the CPU measured here is the server's alone.
 */
export async function offer(
  base: string,
  requests: LoadRequest[],
  seconds: number,
  load: { rate: number; connections: number },
): Promise<Offered> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeadapt-load-'));
  const requestsFile = path.join(dir, 'requests.json');
  fs.writeFileSync(requestsFile, JSON.stringify(requests));
  const cpu = process.cpuUsage();
  try {
    const options = { base, requestsFile, duration: seconds, ...load };
    const child = spawn(
      process.execPath,
      [new URL('open-loop-child.cjs', import.meta.url).pathname, JSON.stringify(options)],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    const [code] = (await once(child, 'close')) as [number];
    if (code !== 0) throw new Error(`load generator exited with ${code}`);
    const result = JSON.parse(out) as {
      sent: number;
      ok: number;
      non2xx: number;
      errors: number;
      timeouts: number;
      statuses: Record<string, number>;
      latency: { p50: number; p99: number };
      slowSeconds: { second: number; ms: number }[];
    };
    const used = process.cpuUsage(cpu);
    return {
      rate: result.ok / seconds,
      cpu: (used.user + used.system) / 1000 / Math.max(1, result.ok),
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx,
      detail: `${result.sent} sent, ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx${
        result.non2xx ? ` ${JSON.stringify(result.statuses)}` : ''
      }${slowSeconds(result.slowSeconds)}`,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The seconds of the run whose slowest answer took over 100 ms: a steady queue or a few stalls? */
function slowSeconds(seconds: { second: number; ms: number }[]) {
  if (!seconds.length) return '';
  const shown = seconds.map((s) => `${s.second}s:${s.ms}ms`).slice(0, 12);
  return `; ${seconds.length} seconds with an answer > 100 ms (${shown.join(', ')}${seconds.length > 12 ? ', …' : ''})`;
}

/** The no-op route every load benchmark compares with. */
export const NO_OP: LoadRequest[] = [{ path: '/api/health' }];
