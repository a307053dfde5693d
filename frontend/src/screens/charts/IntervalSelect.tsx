import { useId } from "react";
import { Interval, intervals } from "../../api/types";
import { intervalLabel } from "../../chart/intervals";

function isInterval(value: string): value is Interval {
  return (intervals as readonly string[]).includes(value);
}

/** The 13 chart intervals as a labelled select, styled like the app's text fields. */
export function IntervalSelect(props: {
  value: Interval;
  onChange: (interval: Interval) => void;
  disabled?: boolean;
  error?: string;
}) {
  const id = useId();
  const errorId = `${id}error`;
  return (
    <div className="field">
      <label htmlFor={id}>Interval</label>
      <select
        id={id}
        name="interval"
        value={props.value}
        disabled={props.disabled}
        onChange={(event) => {
          if (isInterval(event.target.value)) props.onChange(event.target.value);
        }}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? errorId : undefined}
      >
        {intervals.map((interval) => (
          <option key={interval} value={interval}>
            {intervalLabel(interval)}
          </option>
        ))}
      </select>
      {props.error ? (
        <p id={errorId} className="field-error">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}
