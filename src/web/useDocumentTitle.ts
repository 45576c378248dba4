import { useEffect } from 'react';

/** "Page · SafeAdapt" in the browser tab (and in the history a slow-link user goes back through). */
export function useDocumentTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · SafeAdapt` : 'SafeAdapt — Thích ứng an toàn';
  }, [title]);
}
