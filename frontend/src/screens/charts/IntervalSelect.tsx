import { Interval, intervals } from "../../api/types";
import { intervalLabel } from "../../chart/intervals";
import { SelectField, type SelectOption } from "../../components";

const OPTIONS: readonly SelectOption<Interval>[] = intervals.map((interval) => ({
  value: interval,
  label: intervalLabel(interval),
}));

/** The 13 chart intervals as a labelled select, styled like the app's text fields. */
export function IntervalSelect(props: {
  value: Interval;
  onChange: (interval: Interval) => void;
  disabled?: boolean;
  error?: string;
}) {
  return (
    <SelectField
      label="Interval"
      name="interval"
      options={OPTIONS}
      value={props.value}
      onChange={props.onChange}
      disabled={props.disabled}
      error={props.error}
    />
  );
}
