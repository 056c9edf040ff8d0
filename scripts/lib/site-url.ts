/**
 * Where a URL written in a built page leads, resolved as a browser resolves it (the WHATWG URL
 * parser: leading spaces and control characters dropped, tabs and newlines removed, `\` read as `/`).
 * The site may be served over http or https, and `https:host` means another origin on an http page
 * but a relative path on an https one, so a URL is on the site only when it is under both.
 */

/** Stand-ins for the site's origin; `.invalid` names no real host. */
const siteOrigins = ['http://site.invalid', 'https://site.invalid'] as const;

/** The URL resolved against a page of the site over https, or undefined when it does not parse. */
export function resolveOnSite(url: string, pagePath: string): URL | undefined {
  return URL.parse(url, `${siteOrigins[1]}${pagePath}`) ?? undefined;
}

/** Whether a URL stays on the site's own origin under http and https alike. */
export function isOnSite(url: string, pagePath: string): boolean {
  return siteOrigins.every((origin) => URL.parse(url, `${origin}${pagePath}`)?.origin === origin);
}

/** The URL's scheme, lower-cased with its colon (`javascript:`), as the browser parses it. */
export function schemeOf(url: string, pagePath: string): string | undefined {
  return resolveOnSite(url, pagePath)?.protocol;
}
