/**
 * The saved copy of the checker's facts in this browser's localStorage, so a reload or a closed
 * tab loses nothing. Storage can be unavailable (private modes, policies); the checker then
 * works with the address fragment alone. Other tabs' writes arrive as `storage` events.
 */
const key = 'bvn-atlas:checker:facts';
/** The appeal letter's identifiers (member, claim…): kept beside the facts, cleared by "Clear all facts". */
export const letterDetailsKey = 'bvn-atlas:checker:letter-details';

export const savedFacts = {
  read(): string | null {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  write(text: string): void {
    try {
      localStorage.setItem(key, text);
    } catch {
      /* storage full or blocked: the fragment still holds the facts */
    }
  },
  /**
   * Removes the saved facts; with `letter` (what "Clear all facts" asks for), the letter's
   * identifiers too. A form emptied field by field keeps the identifiers: nobody asked to clear them.
   */
  clear(letter: boolean): void {
    try {
      localStorage.removeItem(key);
      if (letter) localStorage.removeItem(letterDetailsKey);
    } catch {
      /* nothing stored */
    }
  },
  /** Calls `changed` with the new text (null when removed) when another tab changes the saved copy. */
  onOtherTab(changed: (text: string | null) => void): void {
    window.addEventListener('storage', (e) => {
      if (e.key === key || e.key === null) changed(e.key === null ? null : e.newValue);
    });
  },
};
