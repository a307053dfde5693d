import type { AlertCondition } from "../../api/types";
import { SelectField, type SelectOption } from "../../components";
import { conditionLabels } from "./alertText";

const OPTIONS: readonly SelectOption<AlertCondition>[] = [
  { value: "above", label: conditionLabels.above },
  { value: "below", label: conditionLabels.below },
];

/** Whether the alert fires at or above, or at or below, its price. */
export function ConditionSelect(props: {
  value: AlertCondition;
  onChange: (condition: AlertCondition) => void;
  error?: string;
}) {
  return (
    <SelectField
      label="Condition"
      name="condition"
      options={OPTIONS}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
    />
  );
}
