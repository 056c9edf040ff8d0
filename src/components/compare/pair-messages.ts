/** The messages between the pair island and its worker (pair-worker.ts). */
import type { LineFile } from '../../lib/compare/pair-query.ts';
import type { PairPageView } from '../../lib/compare/pair-view.ts';

/** The files of the two lines and of the LCD lines they apply. */
export interface PairRequest {
  a: LineFile;
  b: LineFile;
  applied: LineFile[];
}

export type PairResponse = { ok: true; view: PairPageView } | { ok: false; message: string };
