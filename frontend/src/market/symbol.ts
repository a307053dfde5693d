// Symbols as API.md defines them, so a form can say what is wrong before the server does.

const SYMBOL_PATTERN = /^[A-Z0-9.:/_-]{1,32}$/;

/** The form the server stores: trimmed and upper-cased. */
export function normalizeSymbol(input: string): string {
  return input.trim().toUpperCase();
}

/**
 * Whether the API accepts a normalized symbol. One bad symbol makes the server refuse a whole
 * realtime subscribe message, so the realtime client never sends one.
 */
export function isValidSymbol(symbol: string): boolean {
  return SYMBOL_PATTERN.test(symbol);
}

/** Why a normalized symbol would be refused, or null when it is fine. */
export function symbolProblem(symbol: string): string | null {
  if (symbol === "") return "Enter a symbol.";
  if (symbol.length > 32) return "A symbol has at most 32 characters.";
  if (!SYMBOL_PATTERN.test(symbol)) {
    return "Use only letters, digits and . : / _ -";
  }
  return null;
}
