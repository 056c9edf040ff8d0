/**
 * <bvn-pair>: the browser pair page, /compare/pair/?a=<line id>&b=<line id>. It loads the index of
 * lines (for the form and to check the ids), then the two lines' files and those of the LCDs they
 * apply, has its worker run the same diff and build the same view as a pre-rendered pair page
 * (src/lib/compare/pair-files.ts), and renders it with DOM methods. Everything it fetches is on
 * this site; a bad id or a failed load is said inline, with the way back to the pair index.
 */
import {
  lineFileUrl,
  loadPairFiles,
  lineIndexUrl,
  linesByPayer,
  matchingLines,
  readPairQuery,
  type LineFile,
  type LineIndex,
} from '../../lib/compare/pair-query.ts';
import type { PairPageView } from '../../lib/compare/pair-view.ts';
import type { PairRequest, PairResponse } from './pair-messages.ts';
import { renderNodes } from './render-nodes.ts';

/** A file that could not be loaded or read, said in words. */
class LoadProblem extends Error {}

async function fetchJson<T>(url: string, what: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new LoadProblem(`${what} could not be loaded (${url}): the network request failed.`);
  }
  if (!response.ok)
    throw new LoadProblem(`${what} could not be loaded (${url}): HTTP ${response.status}.`);
  try {
    return (await response.json()) as T;
  } catch {
    throw new LoadProblem(`${what} could not be read (${url}): it is not JSON.`);
  }
}

/** A computation dropped because a newer one was asked for. */
class Superseded extends Error {}

/**
 * The worker that computes diffs and views (pair-worker.ts), started on first use and kept, so a
 * second comparison on the page does not load and start it again.
 */
class ViewWorker {
  private worker?: Worker;
  private pending?: { resolve: (view: PairPageView) => void; reject: (error: Error) => void };

  compute(request: PairRequest): Promise<PairPageView> {
    // A newer request supersedes one still running: its answer would be for a pair no longer
    // asked for, so that worker is stopped and a fresh one started.
    if (this.pending) {
      this.pending.reject(new Superseded());
      this.worker?.terminate();
      this.worker = undefined;
    }
    const worker = (this.worker ??= new Worker(new URL('./pair-worker.ts', import.meta.url), {
      type: 'module',
    }));
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      worker.onmessage = ({ data }: MessageEvent<PairResponse>) => {
        this.pending = undefined;
        if (data.ok) resolve(data.view);
        else reject(new Error(data.message));
      };
      worker.onerror = (event) => {
        this.pending = undefined;
        this.worker = undefined;
        reject(new Error(event.message || 'the comparison’s script failed to load'));
      };
      worker.postMessage(request);
    });
  }
}

class PairElement extends HTMLElement {
  private title$!: HTMLElement;
  private lede!: HTMLElement;
  private status!: HTMLElement;
  private problems!: HTMLElement;
  private view!: HTMLElement;
  private form!: HTMLFormElement;
  private index?: LineIndex;
  private readonly worker = new ViewWorker();
  private readonly initialTitle = document.title;
  private initialHeading = '';

  connectedCallback(): void {
    this.title$ = this.querySelector<HTMLElement>('[data-pair-title]')!;
    this.initialHeading = this.title$.textContent;
    this.lede = this.querySelector<HTMLElement>('[data-pair-lede]')!;
    this.status = this.querySelector<HTMLElement>('[data-pair-status]')!;
    this.problems = this.querySelector<HTMLElement>('[data-pair-problems]')!;
    this.view = this.querySelector<HTMLElement>('[data-pair-view]')!;
    this.form = this.querySelector<HTMLFormElement>('[data-pair-form]')!;
    // Choosing a pair keeps this page (and its worker): the address changes as a form would
    // change it, so the pair can be linked, and Back shows the previous pair.
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      const query = new URLSearchParams();
      for (const name of ['a', 'b'])
        query.set(name, (this.form.elements.namedItem(name) as HTMLSelectElement).value);
      history.pushState(null, '', `${location.pathname}?${query.toString()}`);
      void this.show();
    });
    window.addEventListener('popstate', () => void this.show());
    // Narrowing keeps each list's current choice, so typing never loses a line already chosen.
    this.form.querySelector('[data-pair-filter]')!.addEventListener('input', () => {
      const chosen = (name: string) =>
        (this.form.elements.namedItem(name) as HTMLSelectElement).value;
      if (this.index) this.fillForm(this.index, chosen('a'), chosen('b'));
    });
    void this.show();
  }

  /** Shows the comparison the address asks for, or the form and what is wrong. */
  private async show(): Promise<void> {
    this.problems.hidden = true;
    if (!this.index) {
      this.status.textContent = 'Loading the policy lines…';
      try {
        this.index = await fetchJson<LineIndex>(lineIndexUrl, 'The list of policy lines');
      } catch (error) {
        this.fail([(error as Error).message]);
        return;
      }
    }
    const query = readPairQuery(location.search, this.index);
    this.fillForm(this.index, query.a, query.b);
    if (!query.ok) {
      this.reset();
      if (query.problems.length > 0) this.fail(query.problems.map((p) => p.message));
      else this.status.textContent = 'Choose two policy lines and press Compare.';
      return;
    }
    this.status.textContent = 'Comparing the two policy lines…';
    try {
      const load = (id: string) => fetchJson<LineFile>(lineFileUrl(id), `Policy line “${id}”`);
      const view = await this.worker.compute(await loadPairFiles(query.a, query.b, load));
      this.title$.textContent = view.title;
      this.lede.hidden = true;
      document.title = `${view.title} · BVN Atlas`;
      this.view.replaceChildren(renderNodes(view.body));
      this.status.textContent = '';
    } catch (error) {
      if (error instanceof Superseded) return;
      this.reset();
      this.fail([
        error instanceof LoadProblem
          ? error.message
          : `The comparison could not be made: ${(error as Error).message}`,
      ]);
    }
  }

  /** Back to the page as served: no comparison shown. */
  private reset(): void {
    this.title$.textContent = this.initialHeading;
    this.lede.hidden = false;
    document.title = this.initialTitle;
    this.view.replaceChildren();
  }

  /** The form's two lists of lines, with the lines asked for chosen, narrowed by the filter. */
  private fillForm(index: LineIndex, a: string, b: string): void {
    const filter = this.form.querySelector<HTMLInputElement>('[data-pair-filter]')!;
    const count = this.form.querySelector('[data-pair-filter-count]')!;
    count.textContent =
      filter.value.trim() === ''
        ? ''
        : `${matchingLines(index, filter.value).lines.length} of ${index.lines.length} lines match; a list keeps the line chosen in it.`;
    for (const [name, chosen] of [
      ['a', a],
      ['b', b],
    ] as const) {
      const select = this.form.elements.namedItem(name) as HTMLSelectElement;
      const placeholder = document.createElement('option');
      placeholder.value = '';
      placeholder.textContent = 'Choose a policy line';
      select.replaceChildren(placeholder);
      for (const { payer, lines } of linesByPayer(matchingLines(index, filter.value, [chosen]))) {
        const group = document.createElement('optgroup');
        group.label = payer;
        for (const line of lines) {
          const option = document.createElement('option');
          option.value = line.id;
          option.textContent = line.name;
          option.selected = line.id === chosen;
          group.append(option);
        }
        select.append(group);
      }
    }
    this.form.hidden = false;
  }

  /** Says what went wrong, in place of the comparison; the form and the links stay. */
  private fail(messages: readonly string[]): void {
    this.status.textContent = '';
    const list = document.createElement('ul');
    for (const message of messages) {
      const item = document.createElement('li');
      item.textContent = message;
      list.append(item);
    }
    const heading = document.createElement('p');
    heading.textContent = 'This comparison cannot be shown:';
    const back = document.createElement('p');
    const pairs = document.createElement('a');
    pairs.href = '/compare/pairs/';
    pairs.textContent = 'the pair index';
    const matrix = document.createElement('a');
    matrix.href = '/compare/';
    matrix.textContent = 'the criteria matrix';
    back.append('Choose two lines with the form above, or open ', pairs, ' or ', matrix, '.');
    this.problems.replaceChildren(heading, list, back);
    this.problems.hidden = false;
  }
}

customElements.define('bvn-pair', PairElement);
