import { useTranslation } from 'react-i18next';
import type { FieldAria } from '../../../web/FormField.tsx';
import { ROLES, type Role } from '../rules.ts';

export function RoleSelect({
  aria,
  value,
  onChange,
}: {
  aria: FieldAria;
  value: Role;
  onChange: (role: Role) => void;
}) {
  const { t } = useTranslation();
  return (
    <select {...aria} value={value} onChange={(e) => onChange(e.target.value as Role)}>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {t(`roles.${role}`)}
        </option>
      ))}
    </select>
  );
}
