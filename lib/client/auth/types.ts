/** What the transport asks of an authentication method. */
export interface Authenticator {
  readonly method: 'm2m' | 'tba';
  /** The `Authorization` header for one request (TBA signs the exact method and URL, query included). */
  authorization(method: string, url: string): Promise<string>;
  /** Called once when a request came back 401: forget cached state. Returns true when a retry may help. */
  invalidate(): boolean;
}
