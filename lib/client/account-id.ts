/**
 * NetSuite account ids come in two spellings: the realm (`1234567_SB1`, upper case with an underscore:
 * TBA's `realm`, the REST `account` field) and the host (`1234567-sb1`, lower case with a hyphen).
 */

export interface AccountId {
  /** `1234567_SB1` */
  realm: string;
  /** `1234567-sb1` */
  host: string;
  /** True for sandbox and release-preview accounts (`_SB1`, `_RP`). */
  isSandbox: boolean;
}

const ACCOUNT = /^([A-Za-z0-9]+)(?:[_-]([A-Za-z]+\d*))?$/;

export function parseAccountId(input: string): AccountId {
  const text = input.trim();
  const m = ACCOUNT.exec(text);
  if (!m) {
    throw new TypeError(
      `"${text.slice(0, 40)}" is not a NetSuite account id (expected e.g. 1234567, 1234567_SB1 or 1234567-sb1)`,
    );
  }
  const [whole, base = whole, suffix] = m; // the pattern's first group always matches
  return {
    realm: suffix ? `${base.toUpperCase()}_${suffix.toUpperCase()}` : base.toUpperCase(),
    host: suffix ? `${base.toLowerCase()}-${suffix.toLowerCase()}` : base.toLowerCase(),
    isSandbox: suffix !== undefined && /^(SB|RP)/i.test(suffix),
  };
}

/** `https://1234567-sb1.suitetalk.api.netsuite.com`, the REST API's origin for the account. */
export function restBaseUrl(account: AccountId): string {
  return `https://${account.host}.suitetalk.api.netsuite.com`;
}
