export type AlertFilterValue = "all" | "active";

const options: { value: AlertFilterValue; label: string }[] = [
  { value: "all", label: "All" },
  { value: "active", label: "Active" },
];

/** All alerts, or only the active ones (the API filters with ?status=active). */
export function AlertFilter(props: { value: AlertFilterValue; onChange: (value: AlertFilterValue) => void }) {
  return (
    <fieldset className="alert-filter">
      <legend>Show</legend>
      {options.map((option) => (
        <label key={option.value}>
          <input
            type="radio"
            name="alert-filter"
            value={option.value}
            checked={props.value === option.value}
            onChange={() => props.onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
