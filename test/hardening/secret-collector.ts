/**
 * A fetch spy that collects every credential that goes on the wire — Authorization headers, the OAuth
 * 1.0 signature in them, M2M client assertions, access tokens the token endpoint answers — so a test
 * can check none of them comes back out in an error, a log line or any output. Shared by the hardening
 * tests of the client and the CLI.
 */
export interface SecretCollector {
  /** The values seen so far (add the configured ones, e.g. private keys, yourself). */
  secrets: Set<string>;
  restore: () => void;
}

export function collectWireSecrets(secrets = new Set<string>()): SecretCollector {
  const original = globalThis.fetch;
  const spy = jest.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const auth = new Headers(init?.headers).get('authorization');
    if (auth) {
      secrets.add(auth);
      const sig = /oauth_signature="([^"]+)"/.exec(auth)?.[1];
      if (sig) secrets.add(decodeURIComponent(sig));
    }
    if (typeof init?.body === 'string' && init.body.includes('client_assertion='))
      secrets.add(new URLSearchParams(init.body).get('client_assertion')!);
    const res = await original(input, init);
    if (String(input).includes('/oauth2/')) {
      const token = (await res
        .clone()
        .json()
        .catch(() => ({}))) as { access_token?: string };
      if (token.access_token) secrets.add(token.access_token);
    }
    return res;
  });
  return { secrets, restore: () => spy.mockRestore() };
}
