import type { Task } from '../../src/server/off-thread.ts';

/** A file task that writes its first bytes, then fails (as an export whose next page hits SQLITE_BUSY). */
export const failsMidway: Task<Record<string, never>, void> = async (_ctx, _args, out) => {
  out!.write(Buffer.alloc(100_000, 65));
  await new Promise((resolve) => setTimeout(resolve, 50));
  throw new Error('database is locked');
};
