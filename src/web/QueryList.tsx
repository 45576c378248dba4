import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorNotice } from './ErrorNotice.tsx';
import { Loading } from './Loading.tsx';

interface Props<T> {
  query: UseQueryResult<T[], unknown>;
  /** What shows when the list has no rows. */
  empty: string;
  /** One row: an `li` with its key. */
  children: (item: T) => ReactNode;
}

/** A fetched list as rows: "loading", the error with Retry, a muted line when there are none. */
export function QueryList<T>({ query, empty, children }: Props<T>) {
  return (
    <>
      {query.isPending && <Loading />}
      {query.isError && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {query.data &&
        (query.data.length === 0 ? (
          <p className="muted">{empty}</p>
        ) : (
          <ul className="rows">{query.data.map((item) => children(item))}</ul>
        ))}
    </>
  );
}
