/** The product version, sent in `user-agent: suitehooks/<version>`. Kept in step with package.json by a test. */
export const VERSION = '0.1.0';
export const USER_AGENT = `suitehooks/${VERSION}`;
