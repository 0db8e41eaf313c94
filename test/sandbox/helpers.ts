/** Shared set-up for sandbox tests: fixture projects and a REST-like write context. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { WriteContext } from '../../lib/sandbox/account/account-types';

export const FIXTURES = path.join(__dirname, 'fixtures');
export const PROBE_PROJECT = path.join(FIXTURES, 'probe');

export const REST: WriteContext = { executionContext: 'RESTWEBSERVICES', userId: '7', roleId: '3' };
export const UI: WriteContext = { executionContext: 'USERINTERFACE', userId: '1', roleId: '3' };
export const CSV: WriteContext = { executionContext: 'CSVIMPORT', userId: '1', roleId: '3' };

export interface ScriptSpec {
  id: string;
  type: 'usereventscript' | 'scheduledscript';
  source: string;
  /** Extra XML inside the deployment (e.g. `<executioncontext>…</executioncontext>`, a recurrence). */
  deploymentXml?: string;
  status?: string;
  /** A user event deployment's record type; EMPLOYEE when not given. */
  recordType?: string;
}

/** Writes a throwaway SDF project (manifest, Objects, FileCabinet) and returns its directory. */
export function writeProject(scripts: ScriptSpec[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-project-'));
  fs.mkdirSync(path.join(dir, 'Objects'));
  fs.copyFileSync(path.join(PROBE_PROJECT, 'manifest.xml'), path.join(dir, 'manifest.xml'));
  fs.mkdirSync(path.join(dir, 'FileCabinet', 'SuiteScripts', 't'), { recursive: true });
  fs.copyFileSync(
    path.join(PROBE_PROJECT, 'Objects', 'customrecord_sb_probe.xml'),
    path.join(dir, 'Objects', 'customrecord_sb_probe.xml'),
  );
  for (const s of scripts) {
    const file = `/SuiteScripts/t/${s.id}.js`;
    fs.writeFileSync(path.join(dir, 'FileCabinet', file), s.source);
    // A user event deployment has a record type and no title; a scheduled one a title (SDFxml_1334137041, SDFxml_637067724).
    const own =
      s.type === 'usereventscript'
        ? `<recordtype>${s.recordType ?? 'EMPLOYEE'}</recordtype>`
        : `<title>${s.id}</title>`;
    const status = s.status ?? (s.type === 'usereventscript' ? 'RELEASED' : 'NOTSCHEDULED');
    fs.writeFileSync(
      path.join(dir, 'Objects', `customscript_${s.id}.xml`),
      `<${s.type} scriptid="customscript_${s.id}"><name>${s.id}</name><scriptfile>[${file}]</scriptfile>
  <scriptdeployments><scriptdeployment scriptid="customdeploy_${s.id}"><status>${status}</status>${own}${s.deploymentXml ?? ''}</scriptdeployment></scriptdeployments>
</${s.type}>`,
    );
  }
  return dir;
}

/** A SuiteScript 2.1 file of the given type around a define call. */
export function suiteScript(type: 'UserEventScript' | 'ScheduledScript', body: string): string {
  return `/**\n * @NApiVersion 2.1\n * @NScriptType ${type}\n */\n${body}\n`;
}

export function removeProject(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * A REST API JSON body, by the members the tests read. A test reads only the members the answer it
 * expects has; an answer without a body (204) leaves it undefined at run time.
 */
export interface RestBody {
  id: string;
  type: string;
  offset: number;
  items: RestBody[];
  links: { rel: string; href: string }[];
  'o:errorDetails': Record<string, string>[];
  [member: string]: unknown;
}

/** One REST request with a bearer token; the body sent as JSON, the answer's parsed. */
export async function restRequest(
  url: string,
  bearer: string,
  method: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; body: RestBody }> {
  const res = await fetch(url, {
    method,
    headers: {
      authorization: `Bearer ${bearer}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as RestBody };
}

/** What `fn` throws; fails the test when it returns instead. */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to throw, but it returned');
}
