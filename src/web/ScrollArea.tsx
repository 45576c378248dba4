import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A wide table's horizontal scroll on a phone, reachable by keyboard: focusable, and named for screen readers
 * (`label`, else a generic name).
 */
export function ScrollArea({
  label,
  className = 'table-scroll',
  children,
}: {
  label?: string;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolled region must take focus to scroll by keyboard
    <section className={className} tabIndex={0} aria-label={label ?? t('shell.scrollArea')}>
      {children}
    </section>
  );
}
