/** Realtime symbols as the server keys them: trimmed and upper-cased. */
export function normalizeSymbol(symbol: string): string {
  return symbol.trim().toUpperCase();
}

/**
 * The API's symbol rule. One bad symbol makes the server refuse a whole subscribe message,
 * so bad ones are never sent.
 */
export function isValidSymbol(symbol: string): boolean {
  return /^[A-Z0-9.:/_-]{1,32}$/.test(symbol);
}
