/**
 * The path to go back to after login, only if it stays on Guichet: an absolute path, not `//host`
 * nor `/\host` (browsers read both as another origin), resolved against the public address.
 * Anything else is an open redirect and returns null.
 */
export const safeReturnTo = (publicUrl: string, returnTo: string): string | null => {
  if (!returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.startsWith('/\\')) return null;
  // Control characters and backslashes are read differently by browsers and URL parsers.
  if ([...returnTo].some((char) => char < ' ' || char === '\\')) return null;
  try {
    const base = new URL(publicUrl);
    const resolved = new URL(returnTo, base);
    if (resolved.origin !== base.origin) return null;
    return `${resolved.pathname}${resolved.search}${resolved.hash}`;
  } catch {
    return null;
  }
};
