import type { FieldAria } from '../FormField.tsx';

interface Props {
  aria: FieldAria;
  areas: { code: string; nameWithType: string }[];
  value: string;
  onChange: (code: string) => void;
  /** The first, empty choice ("none", "choose an area"…). */
  emptyLabel: string;
}

/** A choice among units by their names with type ("Xã Yên Thịnh"); the value is the unit's code. */
export function AreaSelect({ aria, areas, value, onChange, emptyLabel }: Props) {
  return (
    <select {...aria} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{emptyLabel}</option>
      {areas.map((a) => (
        <option key={a.code} value={a.code}>
          {a.nameWithType}
        </option>
      ))}
    </select>
  );
}
