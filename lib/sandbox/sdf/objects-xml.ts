/**
 * Reads the SDF objects the sandbox deploys (src/Objects/*.xml): scripts with their parameters and
 * deployments, custom record types with their fields, custom lists. A small XML reader is enough:
 * SDF object files are plain elements and text, without namespaces, DTDs or mixed content.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { USER_RECORD_TYPES } from '../../core';

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e.startsWith('#'))
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Parses one XML document into its root element. Throws with the file position on malformed input. */
export function parseXml(source: string, file = 'xml'): XmlNode {
  const body = source.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  const root: XmlNode = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  const tag =
    /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!\[CDATA\[([\s\S]*?)\]\]>/g;
  let last = 0;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    const top = stack.at(-1) ?? root; // the root is never popped: a closing tag must match the top
    top.text += decode(body.slice(last, m.index));
    last = tag.lastIndex;
    const [, closing, name, rawAttrs = '', selfClosing, cdata = ''] = m;
    if (name === undefined) {
      top.text += cdata; // the CDATA alternative matched
      continue;
    }
    if (closing) {
      if (top.name !== name) throw new Error(`${file}: </${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const [, key = '', double, single] of rawAttrs.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
      attrs[key] = decode(double ?? single ?? '');
    const node: XmlNode = { name, attrs, children: [], text: '' };
    top.children.push(node);
    if (!selfClosing) stack.push(node);
  }
  const open = stack.at(-1);
  if (stack.length !== 1 && open) throw new Error(`${file}: <${open.name}> is not closed`);
  const [element] = root.children;
  if (!element || root.children.length > 1) throw new Error(`${file}: expected exactly one root element`);
  return element;
}

export function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name);
}

export function childText(node: XmlNode, name: string): string | undefined {
  const c = child(node, name);
  return c ? c.text.trim() : undefined;
}

function list(node: XmlNode, container: string, item: string): XmlNode[] {
  return child(node, container)?.children.filter((c) => c.name === item) ?? [];
}

function bool(text: string | undefined, fallback: boolean): boolean {
  if (text === undefined || text === '') return fallback;
  return text.toUpperCase() === 'T' || text.toLowerCase() === 'true';
}

/** `[/SuiteScripts/x.js]` or `[scriptid=…]` references: SDF wraps them in brackets. */
function unref(text: string | undefined): string {
  return (text ?? '').trim().replace(/^\[|\]$/g, '');
}

export interface ScriptParameter {
  id: string;
  fieldType: string;
  defaultValue: string | null;
  defaultChecked: boolean;
  selectRecordType: string | null;
}

export type DeploymentStatus = 'RELEASED' | 'TESTING' | 'NOTSCHEDULED' | 'SCHEDULED' | 'COMPLETED' | 'INACTIVE';

export interface Recurrence {
  /** Kind of schedule; `single` runs once, the others repeat daily from startdate/starttime. */
  kind: string;
  startDate: string | null;
  startTime: string | null;
  /** ISO-8601 repeat interval within a day (`PT15M`, `PT1H`, …), or null. */
  repeat: string | null;
  everyXDays: number;
  endDate: string | null;
}

export interface Deployment {
  id: string;
  status: string;
  isDeployed: boolean;
  logLevel: string;
  /** User events: the record type (upper case, e.g. EMPLOYEE or a custom record script id). */
  recordType: string | null;
  /** User events: the execution contexts it runs in; null means all. */
  executionContexts: Set<string> | null;
  /** User events: a single event type it is limited to, or null for all. */
  eventType: string | null;
  /** Execute As Role (`runasrole`): a standard role id such as ADMINISTRATOR, or null for the current user's role. */
  runAsRole: string | null;
  recurrence: Recurrence | null;
  /** Parameter values set on the deployment (`<custscript_…>` elements). */
  values: Record<string, string>;
}

export type ScriptType =
  'usereventscript' | 'scheduledscript' | 'mapreducescript' | 'suitelet' | 'restlet' | 'clientscript';

export interface ScriptObject {
  type: ScriptType;
  id: string;
  name: string;
  /** FileCabinet path as SDF writes it: `/SuiteScripts/…`. */
  scriptFile: string;
  isInactive: boolean;
  parameters: ScriptParameter[];
  deployments: Deployment[];
  /** Source XML file, for messages. */
  file: string;
}

export interface CustomField {
  id: string;
  fieldType: string;
  /** `<maxlength>` of a text field, when the object sets one. */
  maxLength: number | null;
  selectRecordType: string | null;
  label: string;
  isMandatory: boolean;
  defaultValue: string | null;
  defaultChecked: boolean;
}

/** A role's access to a custom record type (`<permissions>`), levels as SDF names them. */
export interface RecordPermission {
  role: string;
  level: string;
}

export interface CustomRecordType {
  id: string;
  name: string;
  fields: CustomField[];
  /** NONENEEDED, USEPERMISSIONLIST or CUSTRECORDENTRYPERM (SDF's default when absent). */
  accessType: string;
  permissions: RecordPermission[];
}

export interface CustomList {
  id: string;
  values: { scriptId: string | null; value: string; isInactive: boolean }[];
}

export interface Objects {
  scripts: ScriptObject[];
  recordTypes: CustomRecordType[];
  lists: CustomList[];
  /** Custom entity fields (`entitycustomfield`) that apply to employees. */
  employeeFields: CustomField[];
  /** Those that apply to the other login records (`appliestovendor`, …), by record type id. */
  entityFields: Record<string, CustomField[]>;
}

/** The other login record types of the core's registry whose custom entity fields the sandbox stores. */
const OTHER_ENTITY_TYPES = USER_RECORD_TYPES.filter((t) => t.id !== 'employee').map((t) => t.id);

const SCRIPT_TYPES: ReadonlySet<string> = new Set([
  'usereventscript',
  'scheduledscript',
  'mapreducescript',
  'suitelet',
  'restlet',
  'clientscript',
]);

function parseRecurrence(dep: XmlNode): Recurrence | null {
  const rec = child(dep, 'recurrence');
  const kindNode = rec?.children[0];
  if (!kindNode) return null;
  const days = Number(childText(kindNode, 'everyxdays') ?? '1');
  return {
    kind: kindNode.name,
    startDate: childText(kindNode, 'startdate') ?? null,
    startTime: childText(kindNode, 'starttime') ?? null,
    repeat: childText(kindNode, 'repeat') || null,
    everyXDays: Number.isFinite(days) && days > 0 ? days : 1,
    endDate: childText(kindNode, 'enddate') || null,
  };
}

function parseDeployment(dep: XmlNode): Deployment {
  // Parameter values are the `<custscript_…>` elements (the SDF validation checks they are declared).
  const values: Record<string, string> = {};
  for (const c of dep.children) if (c.name.startsWith('custscript')) values[c.name] = c.text.trim();
  const contexts = childText(dep, 'executioncontext');
  const eventType = childText(dep, 'eventtype');
  return {
    id: dep.attrs.scriptid ?? '',
    status: (childText(dep, 'status') ?? 'TESTING').toUpperCase(),
    isDeployed: bool(childText(dep, 'isdeployed'), true),
    logLevel: (childText(dep, 'loglevel') ?? 'DEBUG').toUpperCase(),
    recordType: childText(dep, 'recordtype')?.toUpperCase() ?? null,
    executionContexts: contexts
      ? new Set(
          contexts
            .split('|')
            .map((c) => c.trim().toUpperCase())
            .filter(Boolean),
        )
      : null,
    eventType: eventType ? eventType.toLowerCase() : null,
    runAsRole: childText(dep, 'runasrole') || null,
    recurrence: parseRecurrence(dep),
    values,
  };
}

function parseScript(root: XmlNode, file: string): ScriptObject {
  return {
    type: root.name as ScriptType,
    id: root.attrs.scriptid ?? '',
    name: childText(root, 'name') ?? root.attrs.scriptid ?? '',
    scriptFile: unref(childText(root, 'scriptfile')),
    isInactive: bool(childText(root, 'isinactive'), false),
    parameters: list(root, 'scriptcustomfields', 'scriptcustomfield').map((p) => ({
      id: p.attrs.scriptid ?? '',
      fieldType: (childText(p, 'fieldtype') ?? 'TEXT').toUpperCase(),
      defaultValue: childText(p, 'defaultvalue') || null,
      defaultChecked: bool(childText(p, 'defaultchecked'), false),
      selectRecordType: unref(childText(p, 'selectrecordtype')) || null,
    })),
    deployments: list(root, 'scriptdeployments', 'scriptdeployment').map(parseDeployment),
    file,
  };
}

function parseField(f: XmlNode): CustomField {
  return {
    id: f.attrs.scriptid ?? '',
    fieldType: (childText(f, 'fieldtype') ?? 'TEXT').toUpperCase(),
    maxLength: /^\d+$/.test(childText(f, 'maxlength') ?? '') ? Number(childText(f, 'maxlength')) : null,
    selectRecordType: unref(childText(f, 'selectrecordtype')).replace(/^scriptid=/, '') || null,
    label: childText(f, 'label') ?? f.attrs.scriptid ?? '',
    isMandatory: bool(childText(f, 'ismandatory'), false),
    defaultValue: childText(f, 'defaultvalue') || null,
    defaultChecked: bool(childText(f, 'defaultchecked'), false),
  };
}

function parseRecordType(root: XmlNode): CustomRecordType {
  return {
    id: root.attrs.scriptid ?? '',
    name: childText(root, 'recordname') ?? root.attrs.scriptid ?? '',
    fields: list(root, 'customrecordcustomfields', 'customrecordcustomfield').map(parseField),
    accessType: childText(root, 'accesstype') || 'CUSTRECORDENTRYPERM',
    permissions: list(root, 'permissions', 'permission').map((p) => ({
      role: childText(p, 'permittedrole') ?? '',
      level: childText(p, 'permittedlevel') ?? 'NONE',
    })),
  };
}

function parseList(root: XmlNode): CustomList {
  return {
    id: root.attrs.scriptid ?? '',
    values: list(root, 'customvalues', 'customvalue').map((v) => ({
      scriptId: v.attrs.scriptid ?? null,
      value: childText(v, 'value') ?? '',
      isInactive: bool(childText(v, 'isinactive'), false),
    })),
  };
}

/** One object file of a project: its name in Objects/ and its root element. */
export interface ObjectFile {
  file: string;
  path: string;
  root: XmlNode;
}

/** Reads and parses every object file in `<project>/Objects` (recursively), in name order. */
export function readObjectFiles(objectsDir: string): ObjectFile[] {
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) =>
        e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.xml') ? [path.join(dir, e.name)] : [],
      );
  return walk(objectsDir)
    .sort()
    .map((file) => ({
      file: path.basename(file),
      path: file,
      root: parseXml(fs.readFileSync(file, 'utf8'), path.basename(file)),
    }));
}

/** The objects the sandbox runs or stores, from parsed (and validated) object files. */
export function objectsOf(files: readonly ObjectFile[]): Objects {
  const out: Objects = {
    scripts: [],
    recordTypes: [],
    lists: [],
    employeeFields: [],
    entityFields: Object.fromEntries(OTHER_ENTITY_TYPES.map((t) => [t, []])),
  };
  for (const { root, path: file } of files) {
    if (SCRIPT_TYPES.has(root.name)) out.scripts.push(parseScript(root, file));
    else if (root.name === 'customrecordtype') out.recordTypes.push(parseRecordType(root));
    else if (root.name === 'customlist') out.lists.push(parseList(root));
    else if (root.name === 'entitycustomfield') {
      if (bool(childText(root, 'appliestoemployee'), false)) out.employeeFields.push(parseField(root));
      for (const t of OTHER_ENTITY_TYPES)
        if (bool(childText(root, `appliesto${t}`), false)) (out.entityFields[t] ??= []).push(parseField(root));
    }
  }
  return out;
}

/** Reads every object file in `<project>/Objects` (recursively), without validating them. */
export function readObjects(objectsDir: string): Objects {
  return objectsOf(readObjectFiles(objectsDir));
}
