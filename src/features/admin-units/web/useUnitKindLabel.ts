import { useTranslation } from 'react-i18next';
import type { AdminUnitsMessages } from './messages.vi.ts';

type UnitKindKey = keyof AdminUnitsMessages['unitKinds'];

/** "Xã", "Phường", "Huyện"… for a GSO kind; an unknown kind shows as is. */
export function useUnitKindLabel() {
  const { t, i18n } = useTranslation();
  return (kind: string): string =>
    i18n.exists(`unitKinds.${kind}`) ? t(`unitKinds.${kind as UnitKindKey}`) : kind;
}
