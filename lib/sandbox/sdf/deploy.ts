/**
 * Deploying an SDF project into the account, as `suitecloud project:deploy` would: validate the manifest
 * and every object against its type's documented field list (lib/sandbox/sdf), read src/Objects,
 * create the custom record and list tables, register the script deployments with their parameter values
 * (defaults, then values in the XML, then local overrides), and check that every deployed script file
 * loads (header, syntax, one define, only N/* dependencies, no Node globals at load).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeError } from '../runtime/errors';
import { MODULE_NAMES } from '../runtime/modules';
import {
  objectsOf,
  readObjectFiles,
  type ObjectFile,
  type Objects,
  type ScriptObject,
  type ScriptParameter,
} from './objects-xml';
import { readManifest } from './manifest';
import { formatProblem, validateObject } from './validate';
import { compileScript, instantiate, type CompiledScript } from '../runtime/script-loader';
import { ensureEmployeeColumns } from '../records/employee-schema';
import { ensurePermissionTable } from '../account/permissions';
import { ensureCustomList, ensureCustomRecordTable, type Db } from '../account/store';

export interface LoadedProject {
  dir: string;
  objects: Objects;
  compiled: Map<string, CompiledScript>;
}

export class DeployError extends Error {
  constructor(readonly problems: string[]) {
    super(`deployment failed:\n  ${problems.join('\n  ')}`);
    this.name = 'DeployError';
  }
}

const KNOWN_MODULES = new Set(MODULE_NAMES);

/** The manifest's and every object's SDF problems, in SDF's wording. */
export function validateProject(dir: string, files: readonly ObjectFile[]): string[] {
  const read = readManifest(dir);
  if ('problems' in read) return read.problems;
  return files.flatMap(({ root, file }) => validateObject(root, file, read.manifest.features).map(formatProblem));
}

/** Reads, validates and compiles a project (`<dir>/manifest.xml`, `Objects`, `FileCabinet`). Throws DeployError listing every problem. */
export function loadProject(dir: string): LoadedProject {
  const objectsDir = path.join(dir, 'Objects');
  if (!fs.existsSync(objectsDir))
    throw new DeployError([`${objectsDir} does not exist: build the bundle first (npm run build:bundle)`]);
  const files = readObjectFiles(objectsDir);
  const invalid = validateProject(dir, files);
  if (invalid.length > 0) throw new DeployError(invalid);
  const objects = objectsOf(files);
  const compiled = new Map<string, CompiledScript>();
  const problems: string[] = [];
  for (const script of objects.scripts) {
    if (script.type !== 'usereventscript' && script.type !== 'scheduledscript' && script.type !== 'suitelet') continue;
    const file = path.join(dir, 'FileCabinet', script.scriptFile);
    try {
      if (!script.scriptFile.startsWith('/SuiteScripts/'))
        throw new Error(`${script.id}: scriptfile ${script.scriptFile} is not under /SuiteScripts`);
      if (!fs.existsSync(file)) throw new Error(`${script.id}: ${script.scriptFile} is not in the FileCabinet`);
      const c = compileScript(script.scriptFile, fs.readFileSync(file, 'utf8'), script.type);
      // A trial load: top-level code and the factory run with placeholder modules (a log that keeps nothing), as NetSuite loads the file.
      const discard = () => undefined;
      instantiate(c, {
        module: (n) => (KNOWN_MODULES.has(n) ? Object.freeze({}) : undefined),
        log: Object.freeze({ debug: discard, audit: discard, error: discard, emergency: discard }),
        now: Date.now,
      });
      compiled.set(script.id, c);
    } catch (e) {
      const { name, message } = describeError(e);
      problems.push(`${script.id}: ${name}: ${message}`);
    }
  }
  if (problems.length > 0) throw new DeployError(problems);
  return { dir, objects, compiled };
}

/** Local overrides of parameter values, by deployment id then parameter id. */
export type ParamOverrides = Record<string, Record<string, string>>;

function defaultValue(p: ScriptParameter): string | null {
  if (p.fieldType === 'CHECKBOX') return p.defaultChecked ? 'T' : 'F';
  return p.defaultValue;
}

/** Installs the objects: tables for custom records and lists, deployments with their parameter values. */
export function installObjects(db: Db, objects: Objects, overrides: ParamOverrides): void {
  db.transaction(() => {
    ensurePermissionTable(db);
    for (const list of objects.lists) ensureCustomList(db, list);
    for (const type of objects.recordTypes) ensureCustomRecordTable(db, type);
    ensureEmployeeColumns(db, objects.employeeFields);
    for (const [type, fields] of Object.entries(objects.entityFields)) ensureEmployeeColumns(db, fields, type);
    const upsert =
      db.prepare(`INSERT INTO scriptdeployment (scriptid, script, status, isdeployed, params) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (scriptid) DO UPDATE SET script = excluded.script, status = excluded.status, isdeployed = excluded.isdeployed, params = excluded.params`);
    for (const script of objects.scripts) {
      for (const dep of script.deployments) {
        const params: Record<string, string> = {};
        for (const p of script.parameters) {
          const v = defaultValue(p);
          if (v !== null) params[p.id] = v;
        }
        Object.assign(params, dep.values, overrides[dep.id] ?? {});
        upsert.run(dep.id, script.id, dep.status, dep.isDeployed ? 'T' : 'F', JSON.stringify(params));
      }
    }
  })();
}

/** A deployment's parameter values typed as `getParameter`/`getValue` return them. */
export function typedParams(script: ScriptObject | undefined, raw: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(raw)) {
    const type = script?.parameters.find((p) => p.id === id)?.fieldType ?? 'TEXT';
    if (type === 'CHECKBOX') out[id] = value === 'T' || value === 'true';
    else if ((type === 'INTEGER' || type === 'FLOAT') && value !== '') out[id] = Number(value);
    else out[id] = value;
  }
  return out;
}
