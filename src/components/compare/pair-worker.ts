/**
 * The pair island's worker: runs the diff and builds the page's view (pairViewFromFiles, the same
 * code as the pre-rendered pair pages) off the main thread, so the page stays responsive while a
 * large pair is compared. A worker is also a bundle of its own, so the comparison's code never
 * joins the chunks the checker loads.
 */
import { baselineName, baselinePatient } from '../../lib/compare/baseline.ts';
import { pairViewFromFiles } from '../../lib/compare/pair-files.ts';
import type { PairRequest, PairResponse } from './pair-messages.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PairRequest>) => void) | null;
  postMessage(message: PairResponse): void;
};

scope.onmessage = ({ data }) => {
  try {
    const view = pairViewFromFiles(data.a, data.b, data.applied, {
      facts: baselinePatient(),
      name: baselineName,
    });
    scope.postMessage({ ok: true, view });
  } catch (error) {
    scope.postMessage({ ok: false, message: (error as Error).message });
  }
};
