/**
 * The saved copy of the checker's facts in this browser's localStorage, so a reload or a closed
 * tab loses nothing. Storage can be unavailable (private modes, policies); the checker then
 * works with the address fragment alone.
 */
const key = 'bvn-atlas:checker:facts';
/** The appeal letter's identifiers (member, claim…): kept beside the facts, cleared with them. */
export const letterDetailsKey = 'bvn-atlas:checker:letter-details';

export const savedFacts = {
  read(): string | null {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  write(json: string): void {
    try {
      localStorage.setItem(key, json);
    } catch {
      /* storage full or blocked: the fragment still holds the facts */
    }
  },
  clear(): void {
    try {
      localStorage.removeItem(key);
      localStorage.removeItem(letterDetailsKey);
    } catch {
      /* nothing stored */
    }
  },
};
