/**
 * Links to the appeal letter from the checker's results and the packet: on activation, the link
 * takes the page's own fragment (the facts, and the line where the page has one) so the letter
 * opens on the same patient and policy. The fragment never reaches a server.
 */
document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-letter-link]');
  if (!link) return;
  const params = new URLSearchParams(location.hash.slice(1));
  if (link.dataset.letterLink) params.set('line', link.dataset.letterLink);
  link.href = `/check/letter/#${params.toString()}`;
});
