// Prices and volumes are decimal strings with up to 28 significant digits: more than a double
// holds, so comparisons that decide what is shown (up or down, highest, lowest) use the digits.

const UNSIGNED_DECIMAL = /^(\d+)(?:\.(\d+))?$/;

interface Digits {
  integer: string;
  fraction: string;
}

function digitsOf(value: string): Digits | null {
  const match = UNSIGNED_DECIMAL.exec(value.trim());
  if (match === null) return null;
  return {
    integer: match[1].replace(/^0+/, ""),
    fraction: (match[2] ?? "").replace(/0+$/, ""),
  };
}

/** -1, 0 or 1 as `a` is below, equal to or above `b`; both are unsigned decimal strings. */
export function compareDecimal(a: string, b: string): number {
  const x = digitsOf(a);
  const y = digitsOf(b);
  // Not a plain decimal (never from the API): fall back to floating point.
  if (x === null || y === null) return Math.sign(Number(a) - Number(b));
  if (x.integer.length !== y.integer.length) {
    return x.integer.length < y.integer.length ? -1 : 1;
  }
  if (x.integer !== y.integer) return x.integer < y.integer ? -1 : 1;
  const width = Math.max(x.fraction.length, y.fraction.length);
  const fx = x.fraction.padEnd(width, "0");
  const fy = y.fraction.padEnd(width, "0");
  if (fx === fy) return 0;
  return fx < fy ? -1 : 1;
}

export function maxDecimal(a: string, b: string): string {
  return compareDecimal(a, b) >= 0 ? a : b;
}

export function minDecimal(a: string, b: string): string {
  return compareDecimal(a, b) <= 0 ? a : b;
}

/**
 * Why a typed alert price would be refused (API.md: a positive decimal with at most 20
 * significant digits and 8 decimal places), or null when it is fine. Trailing zeros of the
 * fraction and leading zeros are not counted, as they change no value.
 */
export function priceProblem(input: string): string | null {
  const text = input.trim();
  if (text === "") return "Enter a price.";
  const digits = digitsOf(text);
  if (digits === null) return "Enter a number such as 42000.50, with a dot for decimals.";
  if (digits.integer === "" && digits.fraction.replace(/0/g, "") === "") {
    return "The price must be above zero.";
  }
  if (digits.fraction.length > 8) return "Use at most 8 decimal places.";
  const significant = (digits.integer + digits.fraction).replace(/^0+/, "");
  if (significant.length > 20) return "Use at most 20 significant digits.";
  return null;
}
