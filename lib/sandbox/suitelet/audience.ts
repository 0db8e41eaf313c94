/**
 * Who may open a Suitelet: its deployment's audience (SDFxml_2909147388: `allroles` selects every internal
 * role, `audslctrole` lists roles, `|`-separated). A released deployment refuses everyone else with "You do
 * not have privileges to view this page." (bridgehead_1524084097). Oracle's pages differ on Testing
 * deployments, so the sandbox applies the audience to Testing too. Audiences by employee, department,
 * group, partner or subsidiary are not emulated: a deployment that sets one refuses every role.
 */
import * as fs from 'node:fs';
import { child, childText, parseXml } from '../sdf/objects-xml';
import type { ScriptObject } from '../sdf/objects-xml';
import { roleIdOf } from '../account/permissions';

export interface Audience {
  allRoles: boolean;
  /** Role internal ids. */
  roles: Set<string>;
  /** A narrowing the sandbox does not emulate (employees, departments, …): refuse. */
  unsupported: string | null;
}

const NARROWING = [
  'audemployee',
  'auddepartment',
  'audgroup',
  'audpartner',
  'audsubsidiary',
  'allemployees',
  'allpartners',
];

const cache = new Map<string, Audience>();

export function audienceOf(script: ScriptObject, deploymentId: string): Audience {
  const key = `${script.file}#${deploymentId}`;
  const known = cache.get(key);
  if (known) return known;
  const root = parseXml(fs.readFileSync(script.file, 'utf8'), script.file);
  const deployment = child(root, 'scriptdeployments')?.children.find((d) => d.attrs.scriptid === deploymentId);
  const text = (name: string) => (deployment ? (childText(deployment, name) ?? '') : '');
  const roles = new Set(
    text('audslctrole')
      .split('|')
      .map((r) => r.trim())
      .filter(Boolean)
      .map((r) => roleIdOf(r.toUpperCase()) ?? r),
  );
  const narrowing = NARROWING.find((n) => text(n) !== '' && text(n) !== 'F') ?? null;
  const audience = { allRoles: text('allroles') === 'T', roles, unsupported: narrowing };
  cache.set(key, audience);
  return audience;
}

export function allows(audience: Audience, roleId: string): boolean {
  if (audience.unsupported) return false;
  return audience.allRoles || audience.roles.has(roleId);
}
