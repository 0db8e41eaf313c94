/**
 * One benchmark sandbox: the built bundle deployed into a fresh emulated account (temporary database),
 * optionally next to extra user events (the hand-rolled pattern, an empty one) in the same project, with
 * a local HTTPS receiver as the endpoint and an API Secret that signs for it.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PARAM, DEPLOYMENT, SCRIPT } from '../lib/core';
import { SandboxAccount } from '../lib/sandbox/account/account';
import { repoRoot } from '../lib/sandbox/paths';
import { startReceiver, type Receiver } from './receiver';

export const UE_SCRIPT = SCRIPT.userEvent;
export const UE_DEPLOYMENT = DEPLOYMENT.userEvent;
export const RETRY_SCRIPT = SCRIPT.retry;
export const SECRET_ID = 'custsecret_suitehooks_bench';

/** An extra user event script deployed on EMPLOYEE beside the bundle. */
export interface ExtraScript {
  id: string;
  /** File name under /SuiteScripts/bench/. */
  file: string;
  source: string;
}

export interface BenchSandbox {
  account: SandboxAccount;
  receiver: Receiver;
  projectDir: string;
  close(): Promise<void>;
}

export interface SandboxOptions {
  /** Extra user events; `source` may use `{{URL}}` for the receiver URL. */
  extra?: ExtraScript[];
  /** Deploy only the extra scripts, not the bundle. */
  withoutBundle?: boolean;
  /** Parameter overrides of the bundle's user event deployment. */
  params?: Record<string, string>;
  workers?: number;
}

function userEventXml(s: ExtraScript): string {
  const deploy = s.id.replace(/^customscript_/, 'customdeploy_');
  return `<usereventscript scriptid="${s.id}">
  <name>${s.id}</name>
  <isinactive>F</isinactive>
  <scriptfile>[/SuiteScripts/bench/${s.file}]</scriptfile>
  <scriptdeployments>
    <scriptdeployment scriptid="${deploy}">
      <recordtype>EMPLOYEE</recordtype>
      <isdeployed>T</isdeployed>
      <status>RELEASED</status>
      <loglevel>AUDIT</loglevel>
      <allemployees>T</allemployees>
      <allroles>T</allroles>
    </scriptdeployment>
  </scriptdeployments>
</usereventscript>
`;
}

/** A throwaway SDF project: src/ (manifest, built bundle) plus the extra scripts. */
export function makeProject(receiverUrl: string, options: SandboxOptions): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-bench-'));
  const src = path.join(repoRoot(), 'src');
  fs.mkdirSync(path.join(dir, 'Objects'), { recursive: true });
  fs.copyFileSync(path.join(src, 'manifest.xml'), path.join(dir, 'manifest.xml'));
  fs.mkdirSync(path.join(dir, 'FileCabinet', 'SuiteScripts', 'bench'), { recursive: true });
  for (const f of fs.readdirSync(path.join(src, 'Objects'))) {
    // Without the bundle, keep its custom record (harmless) but not its scripts.
    if (options.withoutBundle && f.startsWith('customscript_')) continue;
    fs.copyFileSync(path.join(src, 'Objects', f), path.join(dir, 'Objects', f));
  }
  fs.cpSync(path.join(src, 'FileCabinet'), path.join(dir, 'FileCabinet'), { recursive: true });
  for (const s of options.extra ?? []) {
    fs.writeFileSync(path.join(dir, 'Objects', `${s.id}.xml`), userEventXml(s));
    fs.writeFileSync(
      path.join(dir, 'FileCabinet', 'SuiteScripts', 'bench', s.file),
      s.source.replaceAll('{{URL}}', receiverUrl),
    );
  }
  return dir;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<BenchSandbox> {
  const secret = randomBytes(32).toString('base64');
  let created: SandboxAccount | undefined;
  const receiver = await startReceiver(secret, () => created?.clock.now() ?? Date.now());
  const projectDir = makeProject(receiver.url, options);
  let account: SandboxAccount;
  try {
    account = created = await SandboxAccount.create({
      projectDir,
      workers: options.workers ?? 2,
      secrets: { [SECRET_ID]: secret },
      http: { trustedCertificates: [receiver.cert] },
      params: {
        [UE_DEPLOYMENT]: {
          [PARAM.endpointUrl]: receiver.url,
          [PARAM.secretId]: SECRET_ID,
          [PARAM.deliveryMode]: 'inline',
          ...options.params,
        },
      },
    });
  } catch (e) {
    await receiver.close();
    fs.rmSync(projectDir, { recursive: true, force: true });
    throw e;
  }
  return {
    account,
    receiver,
    projectDir,
    async close() {
      await account.close();
      await receiver.close();
      fs.rmSync(projectDir, { recursive: true, force: true });
    },
  };
}

/** The write context of an integration (REST) or a person (UI). */
export const UI = { executionContext: 'USERINTERFACE', userId: '-5', roleId: '3' };
export const CSV = { executionContext: 'CSVIMPORT', userId: '-5', roleId: '3' };
