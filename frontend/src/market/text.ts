// Length rules of API.md's names and notes, counted in characters (code points), not UTF-16 units.

export function characterCount(text: string): number {
  return Array.from(text).length;
}

/** Why a trimmed name would be refused (1 to `max` characters), or null. */
export function nameProblem(name: string, max = 100): string | null {
  if (name === "") return "Enter a name.";
  if (characterCount(name) > max) return `A name has at most ${max} characters.`;
  return null;
}
