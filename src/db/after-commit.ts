import type { DatabaseConnection, Dialect, Kysely } from 'kysely';

/**
 * Work to run once a transaction has committed (and never if it rolls back), whichever helper opened the
 * transaction: the dialect's driver runs it after its COMMIT. Used for records kept outside the database,
 * which must not claim what rolled back.
 */
const pending = new WeakMap<DatabaseConnection, (() => void)[]>();

export function withAfterCommit(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createDriver() {
      const driver = dialect.createDriver();
      const commit = driver.commitTransaction.bind(driver);
      const rollback = driver.rollbackTransaction.bind(driver);
      driver.commitTransaction = async (connection) => {
        await commit(connection);
        const work = pending.get(connection) ?? [];
        pending.delete(connection);
        for (const run of work) {
          // The transaction is committed: a failure here must not turn it into an error for the caller.
          try {
            run();
          } catch (error) {
            console.error('after-commit work failed', error);
          }
        }
      };
      driver.rollbackTransaction = async (connection) => {
        pending.delete(connection);
        await rollback(connection);
      };
      return driver;
    },
  };
}

/** Runs `work` after the transaction `trx` commits; outside a transaction, at once (the write is committed). */
// biome-ignore lint/suspicious/noExplicitAny: any database's transaction
export async function afterCommit(trx: Kysely<any>, work: () => void) {
  if (!trx.isTransaction) return work();
  await trx.getExecutor().provideConnection(async (connection) => {
    pending.set(connection, [...(pending.get(connection) ?? []), work]);
  });
}
