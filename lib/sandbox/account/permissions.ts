/**
 * Role access to custom record types, as the record type's `accesstype` decides it (SDFxml_372451363,
 * values SDFxml_4227334961):
 * - NONENEEDED: every role may view, create, edit and delete;
 * - USEPERMISSIONLIST: only the roles on the type's permission list (`<permissions>`, SDFxml_2290236535)
 *   or added by an administrator afterwards (`setRecordPermission`), at their level;
 * - CUSTRECORDENTRYPERM (SDF's default): the "Custom Record Entries" permission — the Administrator role
 *   has it, other roles only when an administrator grants it.
 * A script checks with its effective role: the deployment's Execute As Role when set
 * (chapter_N2997500), else the role of the user whose action ran it.
 */
import type { CustomRecordType } from '../sdf/objects-xml';
import type { ScriptEnv } from '../runtime/script-env';
import type { Db } from './store';

export type Level = 'NONE' | 'VIEW' | 'CREATE' | 'EDIT' | 'FULL';

const RANK: Readonly<Record<Level, number>> = { NONE: 0, VIEW: 1, CREATE: 2, EDIT: 3, FULL: 4 };

/** Standard role ids (as SDF writes them) of the sandbox's seeded roles, by internal id. */
const STANDARD_ROLES: Readonly<Record<string, string>> = {
  ADMINISTRATOR: '3',
  SALES_PERSON: '15',
  EMPLOYEE_CENTER: '18',
  ACCOUNTANT: '30',
};
const ADMINISTRATOR = '3';

/** The internal id of a role named as SDF names it, or null when the sandbox has no such role. */
export function roleIdOf(sdfRole: string): string | null {
  return STANDARD_ROLES[sdfRole] ?? null;
}

function asLevel(text: string | undefined): Level {
  return text !== undefined && text in RANK ? (text as Level) : 'NONE';
}

/** Grants an administrator added after deploying (the record type's Permissions subtab). */
export function ensurePermissionTable(db: Db): void {
  db.exec(
    `CREATE TABLE IF NOT EXISTS sandbox_record_permission (recordtype TEXT NOT NULL, role TEXT NOT NULL, level TEXT NOT NULL, PRIMARY KEY (recordtype, role))`,
  );
}

export function setRecordPermission(db: Db, recordType: string, roleId: string, level: Level | null): void {
  if (level === null)
    db.prepare('DELETE FROM sandbox_record_permission WHERE recordtype = ? AND role = ?').run(recordType, roleId);
  else
    db.prepare(
      'INSERT INTO sandbox_record_permission (recordtype, role, level) VALUES (?, ?, ?) ON CONFLICT (recordtype, role) DO UPDATE SET level = excluded.level',
    ).run(recordType, roleId, level);
}

function granted(db: Db, recordType: string, roleId: string): Level {
  return asLevel(
    db
      .prepare('SELECT level FROM sandbox_record_permission WHERE recordtype = ? AND role = ?')
      .pluck()
      .get(recordType, roleId) as string | undefined,
  );
}

/** The level a role has on a custom record type. */
export function accessLevel(db: Db, type: CustomRecordType, roleId: string | null): Level {
  if (type.accessType === 'NONENEEDED') return 'FULL';
  if (roleId === null) return 'NONE';
  const extra = granted(db, type.id, roleId);
  if (type.accessType === 'USEPERMISSIONLIST') {
    const listed = type.permissions.filter((p) => roleIdOf(p.role) === roleId).map((p) => asLevel(p.level));
    return [extra, ...listed].reduce<Level>((a, b) => (RANK[b] > RANK[a] ? b : a), 'NONE');
  }
  return roleId === ADMINISTRATOR ? 'FULL' : extra;
}

export function allows(level: Level, needed: Level): boolean {
  return RANK[level] >= RANK[needed];
}

/** Throws NetSuite's permission error when the script's effective role lacks `needed` on a custom record type. */
export function requireRecordAccess(env: ScriptEnv, recordType: string, needed: Level): void {
  const type = env.services.recordTypes.get(recordType);
  if (!type || allows(accessLevel(env.services.db, type, env.roleId), needed)) return;
  throw env.raise(
    'INSUFFICIENT_PERMISSION',
    `Permission Violation: You need a higher level of the '${type.name}' permission to access this page. Please contact your account administrator.`,
  );
}

/**
 * Role permissions beyond custom records that the sandbox checks (Setup > Users/Roles > Manage Roles >
 * Permissions); the Administrator role has them all, other roles only when granted
 * (`account.setRolePermission`; Oracle does not list them among its standard roles' defaults for the
 * sandbox's seeded roles, so the strict reading):
 * - SUITESCRIPT: script deployment records in scripts (search, load, SuiteQL): "the script owner must
 *   belong to a role assigned with SuiteScript permissions" (section_3753014009; the sandbox applies it to
 *   the script's effective role); the Scheduled Script Instance search (section_3777401104 names no
 *   permission; the sandbox asks for the same, strict);
 * - SUITESCRIPT_SCHEDULING: `ScheduledScriptTask.submit()`: "only roles with the SuiteScript Scheduling
 *   permission or Administrators" (section_460871520995).
 */
export const ROLE_PERMISSION = {
  SUITESCRIPT: 'SuiteScript',
  SUITESCRIPT_SCHEDULING: 'SuiteScript Scheduling',
} as const;
export type RolePermission = keyof typeof ROLE_PERMISSION;

function ensureRolePermissionTable(db: Db): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS sandbox_role_permission (role TEXT NOT NULL, permission TEXT NOT NULL, PRIMARY KEY (role, permission))',
  );
}

export function setRolePermission(db: Db, roleId: string, permission: RolePermission, granted: boolean): void {
  ensureRolePermissionTable(db);
  if (granted)
    db.prepare('INSERT OR IGNORE INTO sandbox_role_permission (role, permission) VALUES (?, ?)').run(
      roleId,
      permission,
    );
  else db.prepare('DELETE FROM sandbox_role_permission WHERE role = ? AND permission = ?').run(roleId, permission);
}

export function hasRolePermission(db: Db, roleId: string | null, permission: RolePermission): boolean {
  if (roleId === ADMINISTRATOR) return true;
  if (roleId === null) return false;
  ensureRolePermissionTable(db);
  return (
    db.prepare('SELECT 1 FROM sandbox_role_permission WHERE role = ? AND permission = ?').get(roleId, permission) !==
    undefined
  );
}

/** Throws NetSuite's permission error when the script's effective role lacks `permission`. */
export function requireRolePermission(env: ScriptEnv, permission: RolePermission): void {
  if (hasRolePermission(env.services.db, env.roleId, permission)) return;
  throw env.raise(
    'INSUFFICIENT_PERMISSION',
    `Permission Violation: You need the '${ROLE_PERMISSION[permission]}' permission to access this page. Please contact your account administrator.`,
  );
}
