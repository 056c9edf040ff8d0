/**
 * The `_headers` file (public/_headers, copied to dist/): HTTP headers by URL pattern, in the format
 * Netlify and Cloudflare Pages read. A pattern line starts at the left margin (`/*`, `/check/*`,
 * `/cite/:id`); the headers under it are indented `Name: value` lines; `#` starts a comment. When
 * several patterns match, their headers add up and a header named twice is joined with `, `, as
 * both hosts do. scripts/serve.ts applies the same file, so the tests see what readers get.
 *
 * The CSP sent as a header adds what a <meta> cannot say (`frame-ancestors`): browsers enforce both
 * policies, so the header must not restrict scripts or styles (their per-page hashes are in the
 * <meta>) and may repeat other directives of the <meta> only word for word.
 */
import { headerOnlyDirectives, parsePolicy, type Policy } from './csp.ts';

export interface HeaderRule {
  /** The URL pattern, e.g. `/*`. */
  pattern: string;
  headers: [name: string, value: string][];
  /** 1-based line of the pattern, for messages. */
  line: number;
}

/** Parses the file; throws naming the file and line of anything it cannot read. */
export function parseHeadersFile(text: string, file = '_headers'): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trim();
    if (content === '' || content.startsWith('#')) return;
    if (!/^\s/.test(raw)) {
      if (!content.startsWith('/'))
        throw new Error(
          `${file}:${line}: expected a URL pattern starting with "/", got "${content}"`,
        );
      rules.push({ pattern: content, headers: [], line });
      return;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`${file}:${line}: a header before any URL pattern: "${content}"`);
    const colon = content.indexOf(':');
    if (colon <= 0) throw new Error(`${file}:${line}: expected "Name: value", got "${content}"`);
    const name = content.slice(0, colon).trim();
    if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name))
      throw new Error(`${file}:${line}: "${name}" is not a valid header name`);
    rule.headers.push([name, content.slice(colon + 1).trim()]);
  });
  return rules;
}

/** Whether a pattern (`*` any characters, `:name` one path segment) matches a URL path. */
export function patternMatches(pattern: string, urlPath: string): boolean {
  const source = pattern
    .split(/(\*|:[A-Za-z_][A-Za-z0-9_]*)/)
    .map((part) =>
      part === '*'
        ? '.*'
        : part.startsWith(':')
          ? '[^/]+'
          : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`).test(urlPath);
}

/** The headers for one URL path, names as first written, repeated names joined with `, `. */
export function headersFor(rules: readonly HeaderRule[], urlPath: string): Record<string, string> {
  const byLower = new Map<string, [string, string]>();
  for (const rule of rules) {
    if (!patternMatches(rule.pattern, urlPath)) continue;
    for (const [name, value] of rule.headers) {
      const seen = byLower.get(name.toLowerCase());
      byLower.set(name.toLowerCase(), seen ? [seen[0], `${seen[1]}, ${value}`] : [name, value]);
    }
  }
  return Object.fromEntries(byLower.values());
}

/** Directives that govern scripts or styles, or that they fall back to: left to the <meta>. */
const metaOwned = [
  'default-src',
  'script-src',
  'script-src-elem',
  'script-src-attr',
  'style-src',
  'style-src-elem',
  'style-src-attr',
  'worker-src',
];

/** Features every page denies; a feature named in the header may be off `()` or `(self)` only. */
const deniedFeatures = ['camera', 'microphone', 'geolocation', 'payment', 'usb'];

/** What one page's headers lack or get wrong, given the CSP of its <meta>. */
export function headerProblems(
  headers: Record<string, string>,
  meta: Policy | undefined,
): string[] {
  const problems: string[] = [];
  const get = (name: string) =>
    Object.entries(headers).find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
  if (get('X-Content-Type-Options')?.toLowerCase() !== 'nosniff')
    problems.push('header X-Content-Type-Options is not "nosniff"');
  if (get('Referrer-Policy')?.toLowerCase() !== 'no-referrer')
    problems.push('header Referrer-Policy is not "no-referrer"');
  const frameOptions = get('X-Frame-Options');
  if (frameOptions !== undefined && frameOptions.toUpperCase() !== 'DENY')
    problems.push('header X-Frame-Options is not "DENY"');

  const permissions = get('Permissions-Policy');
  if (permissions === undefined) problems.push('no Permissions-Policy header');
  else {
    const features = new Map(
      permissions.split(',').map((item) => {
        const [name = '', value = ''] = item.split('=').map((s) => s.trim());
        return [name, value] as const;
      }),
    );
    for (const [name, value] of features)
      if (value !== '()' && value !== '(self)')
        problems.push(`Permissions-Policy allows ${name}=${value} (only () or (self) are allowed)`);
    for (const name of deniedFeatures)
      if (features.get(name) !== '()') problems.push(`Permissions-Policy does not deny ${name}`);
  }

  const csp = get('Content-Security-Policy');
  if (csp === undefined) return [...problems, 'no Content-Security-Policy header'];
  const policy = parsePolicy(csp);
  if (policy.get('frame-ancestors')?.join(' ') !== "'none'")
    problems.push(
      "the CSP header does not say frame-ancestors 'none' (other sites could frame the page)",
    );
  for (const [directive, sources] of policy) {
    if (headerOnlyDirectives.includes(directive)) continue;
    if (metaOwned.includes(directive))
      problems.push(
        `the CSP header sets ${directive}, which would block the scripts and styles the <meta> allows by hash`,
      );
    else if (!meta?.has(directive))
      problems.push(`the CSP header sets ${directive}, which the page's <meta> does not`);
    else if (meta.get(directive)!.join(' ') !== sources.join(' '))
      problems.push(
        `the CSP header's ${directive} (${sources.join(' ')}) differs from the <meta>'s (${meta.get(directive)!.join(' ')})`,
      );
  }
  return problems;
}
