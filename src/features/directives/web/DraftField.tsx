import { FormField } from '../../../web/FormField.tsx';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  optional?: string;
  /** A textarea of this many rows instead of a one-line input. */
  rows?: number;
  placeholder?: string;
  inputMode?: 'numeric' | 'text';
  maxLength?: number;
  className?: string;
}

/** One editable field of the review form: a labelled input or textarea with its hint and error. */
export function DraftField({
  id,
  label,
  value,
  onChange,
  rows,
  placeholder,
  inputMode,
  maxLength,
  className,
  ...field
}: Props) {
  return (
    <div className={className}>
      <FormField id={id} label={label} {...field}>
        {(aria) =>
          rows ? (
            <textarea
              {...aria}
              rows={rows}
              placeholder={placeholder}
              maxLength={maxLength}
              value={value}
              onChange={(e) => onChange(e.target.value)}
            />
          ) : (
            <input
              {...aria}
              placeholder={placeholder}
              inputMode={inputMode}
              maxLength={maxLength}
              value={value}
              onChange={(e) => onChange(e.target.value)}
            />
          )
        }
      </FormField>
    </div>
  );
}
