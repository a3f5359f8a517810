import { createHash, timingSafeEqual } from 'node:crypto';

export const tokenCookieName = 'koma_token';

/**
 * Compares a presented secret with the launch token in constant time. Both sides are hashed first
 * so timingSafeEqual always sees equal lengths and the token's length does not leak either.
 */
export function tokenMatches(presented: string | undefined, token: string): boolean {
  if (presented === undefined) return false;
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

/** The token from `Authorization: Bearer <token>`; the API accepts nothing else. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^Bearer ([^\s]+)$/i.exec(header.trim());
  return match?.[1];
}

/**
 * Every koma_token value in a Cookie header. Cookies ignore ports, so another Koma on another
 * loopback port may have left its own value beside ours: any of them may be the right one.
 */
export function cookieTokens(header: string | undefined): string[] {
  if (!header) return [];
  const values: string[] = [];
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === tokenCookieName) values.push(part.slice(eq + 1).trim());
  }
  return values;
}

export function tokenCookie(token: string): string {
  return `${tokenCookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
