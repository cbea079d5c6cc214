/** Image references as written in FROM, `image:` fields and Compose services. */

/** Splits an image reference into repository, tag and digest. */
export function splitImageReference(ref: string): { repository: string; tag?: string; digest?: string } {
  let rest = ref.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  // A colon before the last slash belongs to a registry port (host:5000/x).
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { repository: rest.toLowerCase(), tag: tag || undefined, digest: digest || undefined };
}
