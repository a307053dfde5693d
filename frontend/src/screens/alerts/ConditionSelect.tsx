import { useId } from "react";
import type { AlertCondition } from "../../api/types";
import { conditionLabels } from "./alertText";

function isCondition(value: string): value is AlertCondition {
  return value === "above" || value === "below";
}

/** Whether the alert fires at or above, or at or below, its price. */
export function ConditionSelect(props: {
  value: AlertCondition;
  onChange: (condition: AlertCondition) => void;
  error?: string;
}) {
  const id = useId();
  const errorId = `${id}error`;
  return (
    <div className="field">
      <label htmlFor={id}>Condition</label>
      <select
        id={id}
        name="condition"
        value={props.value}
        onChange={(event) => {
          if (isCondition(event.target.value)) props.onChange(event.target.value);
        }}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
      >
        <option value="above">{conditionLabels.above}</option>
        <option value="below">{conditionLabels.below}</option>
      </select>
      {props.error ? (
        <p id={errorId} className="field-error">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
