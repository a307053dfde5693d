import { Field } from "./Field";

export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

/**
 * A labelled select, styled and wired like TextField. Only the given options' values reach
 * `onChange`, typed as such.
 */
export function SelectField<T extends string>(props: {
  label: string;
  name: string;
  options: readonly SelectOption<T>[];
  value: T;
  onChange: (value: T) => void;
  disabled?: boolean;
  error?: string;
  hint?: string;
}) {
  return (
    <Field label={props.label} hint={props.hint} error={props.error}>
      {(control) => (
        <select
          {...control}
          name={props.name}
          value={props.value}
          disabled={props.disabled}
          onChange={(event) => {
            const chosen = props.options.find((option) => option.value === event.target.value);
            if (chosen !== undefined) props.onChange(chosen.value);
          }}
        >
          {props.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
