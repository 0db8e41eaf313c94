/**
 * Validates SDF objects the way `suitecloud project:deploy` does, from the field lists in objects.ts:
 * only known elements, required fields present, values of the right kind and list, script ids with
 * their prefix and length, manifest features for the fields that need them. Where SDF only warns (an
 * unknown field is "ignored", a feature missing from the manifest is a project warning) the sandbox
 * refuses: a green sandbox must never hide what a real deploy would not apply.
 */
import type { XmlNode } from './objects-xml';
import { STANDARD_ROLE } from './enums';
import { DEPLOYMENT_STATUSES, OBJECT_TYPES, type FieldSpec, type Structure, type ValueKind } from './objects';

/** One refusal, in SDF's terms: the object, where in it, and why. */
export interface SdfProblem {
  object: string;
  file: string;
  /** The nested structure (`scriptdeployment customdeploy_x`), or null for the object itself. */
  where: string | null;
  reason: string;
}

/** SDF's own shape: "An error occurred during custom object validation. (<id>)", Details, File. */
export function formatProblem(p: SdfProblem): string {
  return `An error occurred during custom object validation. (${p.object})\nDetails: ${p.where ? `${p.where}: ` : ''}${p.reason}\nFile: ~/Objects/${p.file}`;
}

interface Context {
  object: string;
  file: string;
  features: ReadonlySet<string>;
  /** Script parameter ids of the object (deployments may set values for them). */
  params: ReadonlySet<string>;
  problems: SdfProblem[];
}

const ID = /^[a-z0-9_]+$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d:00Z?$/;
const ROLE_REF = /^\[scriptid=customrole[a-z0-9_]*\]$/;

/** Why a value does not fit its kind, or null. Lists are named as Oracle names them. */
function valueProblem(field: string, value: string, kind: ValueKind): string | null {
  switch (kind.kind) {
    case 'boolean':
      return value === 'T' || value === 'F' ? null : `The ${field} field must be T or F.`;
    case 'text':
      return kind.maxLength !== undefined && value.length > kind.maxLength
        ? `The ${field} field value can be up to ${kind.maxLength} characters long.`
        : null;
    case 'integer': {
      const n = Number(value);
      const fits =
        /^-?\d+$/.test(value) && (kind.min === undefined || n >= kind.min) && (kind.max === undefined || n <= kind.max);
      return fits
        ? null
        : `The ${field} field must be an integer${kind.min !== undefined ? ` from ${kind.min}` : ''}${kind.max !== undefined ? ` through ${kind.max}` : ''}.`;
    }
    case 'date':
      return DATE.test(value) ? null : `The ${field} field must be a date in yyyy-MM-dd format.`;
    case 'time':
      return TIME.test(value) ? null : `The ${field} field must be a time in HH:mm:00Z format (SDF keeps no seconds).`;
    case 'file':
      return /^\[\/[^\]]+\.js\]$/.test(value)
        ? null
        : `The ${field} field must reference a .js file as [/path/file.js].`;
    case 'reference':
      return null;
    case 'role':
      return STANDARD_ROLE.values.includes(value) || ROLE_REF.test(value)
        ? null
        : `"${value}" is not a role for ${field}: use a standard role id (${STANDARD_ROLE.name}) or [scriptid=customrole…].`;
    case 'enum':
    case 'multi': {
      const bad = (kind.kind === 'multi' ? value.split('|') : [value]).filter((v) => !kind.list.values.includes(v));
      if (bad.length === 0) return null;
      const values =
        kind.list.values.length > 12 ? `${kind.list.values.slice(0, 12).join(', ')}, …` : kind.list.values.join(', ');
      return `"${bad.join('|')}" is not a valid value for ${field}: see ${kind.list.name}${kind.list.page ? ` (${kind.list.page})` : ''}: ${values}.`;
    }
  }
}

function checkField(name: string, node: XmlNode, spec: FieldSpec, where: string | null, ctx: Context): void {
  const value = node.text.trim();
  const say = (reason: string) => ctx.problems.push({ object: ctx.object, file: ctx.file, where, reason });
  if (node.children.length > 0) say(`The ${name} field holds elements; it takes a value.`);
  if (spec.feature && !ctx.features.has(spec.feature)) {
    say(`You must specify the ${spec.feature} feature in the project manifest as required to use the ${name} field.`);
  }
  if (value === '') {
    if (spec.required) say(`The ${name} field is required.`);
    return;
  }
  const problem = valueProblem(name, value, spec.value);
  if (problem) say(problem);
}

function checkScriptId(node: XmlNode, spec: Structure, where: string | null, ctx: Context): void {
  const say = (reason: string) => ctx.problems.push({ object: ctx.object, file: ctx.file, where, reason });
  for (const attr of Object.keys(node.attrs))
    if (attr !== 'scriptid' || !spec.scriptid) say(`The ${attr} attribute is invalid or not supported.`);
  if (!spec.scriptid) return;
  const id = node.attrs.scriptid ?? '';
  const { prefix, maxLength } = spec.scriptid;
  if (id === '') say('The scriptid attribute is required.');
  else if (!ID.test(id) || id.length > maxLength || (prefix !== null && !id.startsWith(prefix))) {
    say(
      `The scriptid "${id}" must be lower-case letters, digits and _, at most ${maxLength} characters${prefix ? `, starting with ${prefix}` : ''}.`,
    );
  }
}

function label(node: XmlNode): string {
  return node.attrs.scriptid ? `${node.name} ${node.attrs.scriptid}` : node.name;
}

/** Checks one structure and everything in it. */
function checkStructure(node: XmlNode, spec: Structure, where: string | null, ctx: Context): void {
  const say = (reason: string) => ctx.problems.push({ object: ctx.object, file: ctx.file, where, reason });
  checkScriptId(node, spec, where, ctx);
  const seen = new Set<string>();
  for (const child of node.children) {
    if (seen.has(child.name)) say(`The ${child.name} field appears more than once.`);
    seen.add(child.name);
    const field = spec.fields[child.name];
    const item = spec.lists?.[child.name];
    if (field) checkField(child.name, child, field, where, ctx);
    else if (item) checkList(child, item, where, ctx);
    else if (spec.choice?.element === child.name) checkChoice(child, spec.choice, label(node), ctx);
    else if (spec.parameterValues && child.name.startsWith('custscript') && ctx.params.has(child.name)) continue;
    else
      say(
        `The ${child.name} object field is invalid or not supported${child.name.startsWith('custscript') ? ` (no such script parameter on ${ctx.object})` : ''}.`,
      );
  }
  for (const [name, f] of Object.entries(spec.fields))
    if (f.required && !seen.has(name)) say(`The ${name} field is required.`);
  // A select field needs the list or record it selects from (conditionally required).
  const type = node.children.find((c) => c.name === 'fieldtype')?.text.trim();
  if (
    (type === 'SELECT' || type === 'MULTISELECT') &&
    !node.children.some((c) => c.name === 'selectrecordtype' && c.text.trim() !== '')
  ) {
    say(`The selectrecordtype field is required when fieldtype is ${type}.`);
  }
}

function checkList(container: XmlNode, item: Structure, where: string | null, ctx: Context): void {
  for (const child of container.children) {
    if (child.name === item.element) checkStructure(child, item, label(child), ctx);
    else
      ctx.problems.push({
        object: ctx.object,
        file: ctx.file,
        where,
        reason: `The ${container.name} structure holds only ${item.element} elements, not ${child.name}.`,
      });
  }
}

function checkChoice(node: XmlNode, choice: NonNullable<Structure['choice']>, where: string, ctx: Context): void {
  const [only, ...more] = node.children;
  const option = only && choice.options.find((o) => o.element === only.name);
  if (!only || more.length > 0 || !option) {
    const names = choice.options.map((o) => o.element).join(', ');
    ctx.problems.push({
      object: ctx.object,
      file: ctx.file,
      where,
      reason: `The ${choice.element} field holds exactly one of ${names}.`,
    });
    return;
  }
  checkStructure(only, option, `${where} ${choice.element} ${only.name}`, ctx);
}

/** Rules of script objects beyond the field lists: statuses per script type, a schedule for Scheduled. */
function checkDeployments(root: XmlNode, ctx: Context): void {
  const allowed = DEPLOYMENT_STATUSES.get(root.name);
  if (!allowed) return;
  const deployments = root.children.find((c) => c.name === 'scriptdeployments')?.children ?? [];
  for (const d of deployments) {
    const status = d.children.find((c) => c.name === 'status')?.text.trim() ?? '';
    const say = (reason: string) => ctx.problems.push({ object: ctx.object, file: ctx.file, where: label(d), reason });
    if (status !== '' && !allowed.includes(status))
      say(`A ${root.name} deployment's status is one of ${allowed.join(', ')}, not ${status}.`);
    if (status === 'SCHEDULED' && !d.children.some((c) => c.name === 'recurrence'))
      say('A SCHEDULED deployment needs a recurrence.');
  }
}

function parameterIds(root: XmlNode): Set<string> {
  const fields = root.children.find((c) => c.name === 'scriptcustomfields')?.children ?? [];
  return new Set(fields.map((f) => f.attrs.scriptid ?? '').filter(Boolean));
}

/** Every problem of one object file (`file` is its name in Objects/). */
export function validateObject(root: XmlNode, file: string, features: ReadonlySet<string>): SdfProblem[] {
  const object = root.attrs.scriptid ?? file;
  const ctx: Context = { object, file, features, params: parameterIds(root), problems: [] };
  const type = OBJECT_TYPES.get(root.name);
  if (!type) {
    ctx.problems.push({
      object,
      file,
      where: null,
      reason: `${root.name} is not an object type the sandbox has the SDF field list of (lib/sandbox/sdf/objects.ts).`,
    });
    return ctx.problems;
  }
  if (type.feature && !features.has(type.feature)) {
    ctx.problems.push({
      object,
      file,
      where: null,
      reason: `When the SuiteCloud project contains a ${root.name}, the manifest must define the ${type.feature} feature.`,
    });
  }
  // The script id of an object must match its file name (subsect_1537555588).
  if (file.replace(/\.xml$/, '') !== root.attrs.scriptid)
    ctx.problems.push({
      object,
      file,
      where: null,
      reason: `The file name must be the object's script id (${object}.xml).`,
    });
  checkStructure(root, type.structure, null, ctx);
  checkDeployments(root, ctx);
  return ctx.problems;
}
