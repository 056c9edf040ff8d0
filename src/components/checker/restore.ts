/**
 * Choosing what the checker shows when it opens or its address changes: a link's facts, else the
 * facts saved in this browser, saying what could not be read. Loaded only when there is a link
 * or a saved copy (a first visit has nothing to restore).
 */
import type { FactDraft } from '../../lib/checker/draft.ts';
import {
  decodeFragment,
  draftJson,
  isEmptyDraft,
  readSavedCopy,
} from '../../lib/checker/fragment.ts';
import type { Section, UndoKind } from './checker-tools.ts';
import { savedFacts } from './storage.ts';

/** What restoring may read and do on the island. */
export interface RestoreHost {
  readonly draft: FactDraft;
  /** While a link's facts are shown over a different saved copy, storage is left alone until an edit. */
  keepSaved: boolean;
  apply(draft: FactDraft, showAll: boolean): void;
  writeAddress(store?: boolean): void;
  save(committed: boolean): void;
  showLoadProblems(sections: readonly Section[]): void;
  offerUndo(draft: FactDraft, kind: UndoKind): void;
}

/**
 * Chooses what to show: a link's facts, else the saved copy. Nothing is written to storage
 * here; a saved copy that differs or cannot be read stays until the user changes a fact.
 */
export function restore(host: RestoreHost, reason: 'load' | 'navigation'): void {
  const link = decodeFragment(location.hash);
  const linkFacts = link.status === 'read' && !isEmptyDraft(link.draft) ? link.draft : undefined;
  const linkSection: Section = {
    kind: linkFacts ? 'link' : 'empty-link',
    messages:
      link.status === 'rejected' ? [link.message] : link.status === 'read' ? link.messages : [],
  };
  if (reason === 'navigation') {
    if (linkFacts) host.apply(linkFacts, true);
    else host.writeAddress(); // an in-page anchor (#main): the facts go back into the address
    return host.showLoadProblems([linkSection]);
  }
  const savedText = savedFacts.read();
  const saved = savedText === null ? undefined : readSavedCopy(savedText);
  const savedDraft = saved?.status === 'read' ? saved.draft : undefined;
  const savedSection: Section =
    saved?.status === 'rejected'
      ? { kind: 'unreadable-saved', messages: [saved.message], download: savedText! }
      : { kind: 'saved', messages: saved?.status === 'read' ? saved.messages : [] };

  if (linkFacts && savedDraft && saved?.address === location.hash) {
    // A reload right after typing: the saved copy is this very page, a moment newer.
    host.apply(savedDraft, true);
    host.writeAddress();
    return host.showLoadProblems([savedSection]);
  }
  if (linkFacts) {
    host.apply(linkFacts, true);
    if (savedDraft && draftJson(savedDraft) !== draftJson(host.draft)) {
      host.keepSaved = true;
      host.offerUndo(savedDraft, 'link-over-saved');
    } else if (saved?.status !== 'rejected')
      // Nothing different saved: the link's facts, as read, become the saved copy (an
      // unreadable row stays a row with nothing documented, never "none").
      host.save(true);
    return host.showLoadProblems([
      linkSection,
      ...(saved?.status === 'rejected' ? [savedSection] : []),
    ]);
  }
  if (savedDraft) {
    host.apply(savedDraft, true);
    host.writeAddress();
    linkSection.kind = 'link-saved-shown';
  }
  host.showLoadProblems([linkSection, savedSection]);
}
