/**
 * The TLS identity `suitehooks listen` serves with: the certificate and key it is given, or a fresh
 * self-signed one for this machine (its SHA-256 fingerprint printed, its certificate written out so a
 * sender such as the sandbox can be told to trust it). The suitehooks bundle posts only to https.
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { selfSignedCertificate } from '../../webhooks';
import { InputError } from './io';

export interface TlsIdentity {
  cert: string;
  key: string;
  /** `AB:CD:…`, the certificate's SHA-256 fingerprint. */
  fingerprint: string;
  /** Where a generated certificate was written (null when one was given). */
  writtenTo: string | null;
  /** Names and addresses the certificate is valid for. */
  names: string[];
}

function readPem(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read the ${what} ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
}

export async function tlsIdentity(o: {
  cert?: string | undefined;
  key?: string | undefined;
  certOut: string;
  host: string;
  cwd: string;
}): Promise<TlsIdentity> {
  if ((o.cert === undefined) !== (o.key === undefined))
    throw new InputError('give both --cert and --key, or neither (a self-signed certificate is made)');
  if (o.cert !== undefined && o.key !== undefined) {
    const cert = readPem(path.resolve(o.cwd, o.cert), 'certificate');
    const key = readPem(path.resolve(o.cwd, o.key), 'private key');
    let x509: X509Certificate;
    try {
      x509 = new X509Certificate(cert);
    } catch {
      throw new InputError(`${o.cert} is not a PEM certificate`);
    }
    if (!x509.checkPrivateKey(privateKey(key, o.key)))
      throw new InputError(`${o.key} is not the private key of ${o.cert}`);
    return {
      cert,
      key,
      fingerprint: x509.fingerprint256,
      writtenTo: null,
      names: (x509.subjectAltName ?? '').split(', ').filter(Boolean),
    };
  }
  // For localhost, 127.0.0.1, ::1 and the listening host (a wildcard address names no host).
  const names = ['localhost', '127.0.0.1', '::1', o.host].filter((h) => h !== '0.0.0.0' && h !== '::');
  const made = await selfSignedCertificate('suitehooks listen', names);
  const writtenTo = path.resolve(o.cwd, o.certOut);
  fs.mkdirSync(path.dirname(writtenTo), { recursive: true });
  fs.writeFileSync(writtenTo, made.cert);
  return { ...made, fingerprint: new X509Certificate(made.cert).fingerprint256, writtenTo };
}

function privateKey(pem: string, file: string): KeyObject {
  try {
    return createPrivateKey(pem);
  } catch {
    throw new InputError(`${file} is not a PEM private key`);
  }
}
