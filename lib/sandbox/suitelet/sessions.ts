/**
 * UI sessions of the sandbox: who is logged in, in which role. NetSuite's login is not emulated: a session
 * is made by the sandbox (`npm start` prints a login link for the administrator; tests make their own)
 * and kept in an HttpOnly cookie.
 */
import { randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'NS_SANDBOX_SESSION';
export const LOGIN_PATH = '/app/login/sandbox';

export interface UiUser {
  userId: string;
  roleId: string;
}

export class UiSessions {
  private readonly sessions = new Map<string, UiUser>();

  /** A new session; the token goes only into the login link and the cookie. */
  create(user: UiUser): string {
    const token = randomBytes(24).toString('hex');
    this.sessions.set(token, { ...user });
    return token;
  }

  /** `/app/login/sandbox?session=…&next=…`: sets the cookie, then opens `next`. */
  loginPath(token: string, next: string): string {
    return `${LOGIN_PATH}?${new URLSearchParams({ session: token, next }).toString()}`;
  }

  byToken(token: string): UiUser | null {
    return this.sessions.get(token) ?? null;
  }

  fromCookie(header: string | undefined): UiUser | null {
    for (const part of (header ?? '').split(';')) {
      const [name, value] = part.trim().split('=');
      if (name === SESSION_COOKIE && value) return this.byToken(value);
    }
    return null;
  }
}
