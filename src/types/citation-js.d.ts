/**
 * The small part of citation-js (0.8) that BVN Atlas uses at build time; the packages ship no
 * type declarations.
 */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    format(
      format: 'bibliography',
      options: { template: string; format: 'text' | 'html'; lang: string },
    ): string;
    format(format: 'bibtex' | 'ris', options?: { format: 'text' }): string;
    format(format: 'data', options: { format: 'object' }): unknown[];
  }
  export const plugins: {
    config: {
      get(name: '@csl'): { styles: { add(name: string, xml: string): void } };
      get(name: '@bibtex'): { format: { checkLabel: boolean; useIdAsLabel: boolean } };
    };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-ris';
