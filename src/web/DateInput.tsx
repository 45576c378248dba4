import type { InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  value: string;
  onChange: (text: string) => void;
};

/** A date typed as dd/mm/yyyy on a phone's digit keypad; the form reads it with `parseDate`. */
export function DateInput({ value, onChange, ...rest }: Props) {
  return (
    <input
      {...rest}
      inputMode="numeric"
      placeholder="dd/mm/yyyy"
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
