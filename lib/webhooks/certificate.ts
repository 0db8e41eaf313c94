/**
 * A self-signed certificate for a local receiver: `suitehooks listen` serves one when given none, and
 * the sandbox's receiver serves one its N/https is told to trust (the bundle posts only to https).
 */
import { isIP } from 'node:net';
import { generate } from 'selfsigned';

export interface SelfSigned {
  cert: string;
  key: string;
  /** Names and addresses the certificate is valid for. */
  names: string[];
}

/** An EC certificate valid for `names` (host names or IP addresses) for `days` days, for server authentication. */
export async function selfSignedCertificate(
  commonName: string,
  names: readonly string[],
  days = 30,
): Promise<SelfSigned> {
  const unique = [...new Set(names)];
  const altNames = unique.map((n) => (isIP(n) ? { type: 7 as const, ip: n } : { type: 2 as const, value: n }));
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + days * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  return { cert: pems.cert, key: pems.private, names: unique };
}
