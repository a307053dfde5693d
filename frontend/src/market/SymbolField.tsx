import { TextField } from "../components";

/** The "Symbol" field of the market forms; each form brings its own error (and hint, if any). */
export function SymbolField(props: {
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
}) {
  return (
    <TextField
      label="Symbol"
      name="symbol"
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      autoComplete="off"
      hint={props.hint}
      required
    />
  );
}
