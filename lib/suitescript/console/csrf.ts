/**
 * Cross-site request forgery checks for the console's forms (pure). Oracle documents no CSRF protection
 * for custom Suitelet forms (only output escaping, section_4387799600, chapter_N3361294), so the console
 * brings its own: every form carries a token, an HMAC (N/crypto, section_4358653390) over the user, the
 * deployment and a time window, checked on every state-changing POST; and a POST whose `Origin` or
 * `Referer` names another host is refused.
 */

/** The hidden field every console form carries. */
export const TOKEN_FIELD = 'custpage_token';
/** A token is good in the window it was made in and the next: 8 to 16 hours. */
export const WINDOW_MS = 8 * 3_600_000;

/** What the token signs: a fixed label first, so it can never be mistaken for a webhook signature. */
export function tokenInput(userId: string, deploymentId: string, window: number): string {
  return `suitehooks console form\n${userId}\n${deploymentId.toLowerCase()}\n${window}`;
}

export function windowOf(now: number): number {
  return Math.floor(now / WINDOW_MS);
}

/** Compares in time independent of where the texts differ. */
export function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

/** True when `token` was made for this user and deployment in this window or the one before. */
export function tokenValid(
  sign: (input: string) => string,
  token: string,
  who: { userId: string; deploymentId: string },
  now: number,
): boolean {
  if (token === '') return false;
  const w = windowOf(now);
  return [w, w - 1].some((win) => sameText(sign(tokenInput(who.userId, who.deploymentId, win)), token));
}

/** The host (and port) of an absolute URL, lower case; null for anything else (`null`, a path). */
export function hostOf(text: string): string | null {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?([^/?#]+)/i.exec(text.trim());
  return m?.[1] ? m[1].toLowerCase() : null;
}

/** A header by name, whatever its case. */
export function header(headers: Record<string, unknown> | undefined, name: string): string | null {
  for (const [k, v] of Object.entries(headers ?? {}))
    if (k.toLowerCase() === name && v !== undefined && v !== null) return String(v);
  return null;
}

/**
 * Why a POST comes from another site, or null. `Origin` is checked when the browser sends it (`null`,
 * sent by sandboxed frames and some redirects, is refused), else `Referer`; with neither, the token alone
 * decides.
 */
export function foreignOrigin(headers: Record<string, unknown> | undefined, ownHosts: string[]): string | null {
  const own = ownHosts.filter(Boolean).map((h) => h.toLowerCase());
  for (const name of ['origin', 'referer']) {
    const value = header(headers, name);
    if (value === null || value === '') continue;
    const host = hostOf(value);
    const label = name === 'origin' ? 'Origin' : 'Referer';
    return host !== null && own.includes(host)
      ? null
      : `the form was sent from another site (its ${label} header names another host), not from this console`;
  }
  return null;
}
