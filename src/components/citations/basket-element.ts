/**
 * <bvn-citation-basket>: collects sources and downloads them as one file, built from the
 * per-source files generated at build time (/cite/<id>.bib, .ris, .json). Same-origin fetches
 * only; the joined file is saved through a blob URL.
 */
type Format = 'bib' | 'ris' | 'json';
const mime: Record<Format, string> = {
  bib: 'application/x-bibtex',
  ris: 'application/x-research-info-systems',
  json: 'application/vnd.citationstyles.csl+json',
};
const names: Record<Format, string> = { bib: 'BibTeX', ris: 'RIS', json: 'CSL-JSON' };

class CitationBasket extends HTMLElement {
  connectedCallback(): void {
    this.querySelectorAll<HTMLElement>('[data-basket-pick], [data-basket-bar]').forEach(
      (e) => (e.hidden = false),
    );
    this.addEventListener('change', () => this.update());
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('[data-basket]');
      if (!button) return;
      const action = button.dataset.basket!;
      if (action === 'all' || action === 'none') {
        this.boxes().forEach((b) => (b.checked = action === 'all'));
        this.update();
      } else void this.download(action as Format);
    });
    this.update();
  }

  private boxes(): HTMLInputElement[] {
    return Array.from(this.querySelectorAll<HTMLInputElement>('[data-basket-pick] input'));
  }

  private chosen(): string[] {
    return this.boxes()
      .filter((b) => b.checked)
      .map((b) => b.value);
  }

  private update(): void {
    const n = this.chosen().length;
    this.querySelector('[data-basket-count]')!.textContent =
      n === 0 ? 'No sources chosen.' : `${n} source${n === 1 ? '' : 's'} chosen.`;
    this.querySelectorAll<HTMLButtonElement>(
      '[data-basket="bib"], [data-basket="ris"], [data-basket="json"]',
    ).forEach((b) => (b.disabled = n === 0));
  }

  private async download(format: Format): Promise<void> {
    const ids = this.chosen();
    const status = this.querySelector('[data-basket-status]')!;
    try {
      const texts = await Promise.all(
        ids.map(async (id) => {
          const response = await fetch(`/cite/${encodeURIComponent(id)}.${format}`);
          if (!response.ok) throw new Error(`${id}.${format}: HTTP ${response.status}`);
          return response.text();
        }),
      );
      const body =
        format === 'json'
          ? `${JSON.stringify(
              texts.flatMap((t) => JSON.parse(t) as unknown[]),
              null,
              2,
            )}\n`
          : texts.map((t) => t.trim()).join('\n\n') + '\n';
      const url = URL.createObjectURL(new Blob([body], { type: mime[format] }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `bvn-atlas-references.${format}`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      status.textContent = `Downloaded ${ids.length} reference${ids.length === 1 ? '' : 's'} as ${names[format]}.`;
    } catch (error) {
      status.textContent = `The download failed (${(error as Error).message}).`;
    }
  }
}

customElements.define('bvn-citation-basket', CitationBasket);
