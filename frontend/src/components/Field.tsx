import { useId, type ReactNode } from "react";

/** What a field's control needs to be labelled and to have its hint and error read with it. */
export interface FieldControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/**
 * A label, the control it names and an optional hint and error that assistive technology reads
 * with the control: the wiring TextField and SelectField share. `children` renders the control.
 */
export function Field(props: {
  label: string;
  hint?: string;
  error?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = `${id}hint`;
  const errorId = `${id}error`;
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.children({
        id,
        "aria-invalid": props.error ? true : undefined,
        "aria-describedby": describedBy === "" ? undefined : describedBy,
      })}
      {props.hint ? (
        <p id={hintId} className="field-hint">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={errorId} className="field-error">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
