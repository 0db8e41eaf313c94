/**
 * `suitehooks employee|vendor|partner|customer …`: the lifecycle calls, one per subcommand, the same for
 * every record that can log in (the core's registry).
 */
import type { Command } from 'commander';
import { rolesOf, USER_RECORD_TYPES, type CanonicalRecord, type UserRecordType } from '../../core';
import { recordsOf } from '../client';
import type { Employees } from '../employees';
import { makeClient, type GlobalOptions } from './context';
import { parseFormat, writeJsonLine, writeTable } from './format';
import { InputError, println, type Io } from './io';
import { parseAssignments } from '../values';

type Action = (records: Employees, ...args: unknown[]) => Promise<void>;

export { recordsOf };

/** An internal id, or the id of `eid:<externalId>`. */
async function idOf(records: Employees, ref: string): Promise<string> {
  if (!ref.startsWith('eid:')) return ref;
  const found = await records.getByExternalId(ref.slice(4));
  if (!found) throw new InputError(`no ${records.type.label} has the external id "${ref.slice(4)}"`);
  return String(found.id);
}

const roleNames = (records: Employees, record: CanonicalRecord) =>
  rolesOf(records.type, record).map((r) => r.refName ?? r.id);

/** Wraps a subcommand's work: a client from the global options, errors reported by `run`. */
type ActionOf = (fn: Action) => (this: Command, ...args: unknown[]) => Promise<void>;

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `create` and `update`. */
function registerWrites(command: Command, action: ActionOf, io: Io, type: UserRecordType): void {
  command
    .command('create')
    .description(`create ${article(type)}; with --external-id it is an upsert, safe to repeat`)
    .option('-s, --set <field=value>', 'a field value (repeatable); selects and roles by name or id', collect)
    .option('--external-id <id>', 'the external id (makes the create idempotent)')
    .action(
      action(async (records, opts) => {
        const { set = [], externalId } = opts as { set?: string[]; externalId?: string };
        const values = parseAssignments(set, type);
        if (Object.keys(values).length === 0)
          throw new InputError('nothing to create: give fields with --set field=value');
        const id = externalId ? await records.upsert(externalId, values) : await records.create(values);
        println(io.stdout, id);
      }),
    );

  command
    .command('update <id>')
    .description(`change fields of ${article(type)} (id or eid:<externalId>)`)
    .option('-s, --set <field=value>', 'a field value (repeatable)', collect)
    .action(
      action(async (records, ref, opts) => {
        const values = parseAssignments((opts as { set?: string[] }).set ?? [], type);
        if (Object.keys(values).length === 0)
          throw new InputError('nothing to change: give fields with --set field=value');
        await records.update(await idOf(records, ref as string), values);
        println(io.stdout, 'updated');
      }),
    );
}

/** `deactivate`, `reactivate` and `delete`. */
function registerLifecycle(command: Command, action: ActionOf, io: Io, type: UserRecordType): void {
  command
    .command('deactivate <id>')
    .description('inactivate and revoke access, then check both stuck')
    .action(
      action(async (records, ref) => {
        const record = await records.deactivate(await idOf(records, ref as string));
        println(io.stdout, `deactivated ${String(record.id)}: isInactive=true giveAccess=false`);
      }),
    );

  command
    .command('reactivate <id>')
    .description('activate again; --access also gives login access back (needs an email and a role)')
    .option('--access', 'set giveAccess too')
    .action(
      action(async (records, ref, opts) => {
        const access = (opts as { access?: boolean }).access ? { giveAccess: true } : {};
        const record = await records.reactivate(await idOf(records, ref as string), access);
        println(
          io.stdout,
          `reactivated ${String(record.id)}: isInactive=false giveAccess=${String(record.giveAccess)}`,
        );
      }),
    );

  command
    .command('delete <id>')
    .description(`delete ${article(type)} (NetSuite refuses ${type.plural} with history: deactivate those)`)
    .action(
      action(async (records, ref) => {
        await records.delete(await idOf(records, ref as string));
        println(io.stdout, 'deleted');
      }),
    );
}

/** `roles`: show them, or set, add or remove one. */
function registerRoles(command: Command, action: ActionOf, io: Io): void {
  command
    .command('roles <id>')
    .description('show roles, or change them: --set (exact list), --add, --remove')
    .option('--set <roles>', 'the exact list, comma separated names or ids')
    .option('--add <role>', 'add a role')
    .option('--remove <role>', 'remove a role')
    .action(
      action(async (records, ref, opts) => {
        const o = opts as { set?: string; add?: string; remove?: string };
        if ([o.set, o.add, o.remove].filter((v) => v !== undefined).length > 1)
          throw new InputError('give one of --set, --add, --remove');
        const id = await idOf(records, ref as string);
        if (o.set !== undefined)
          await records.setRoles(
            id,
            o.set
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          );
        else if (o.add !== undefined) await records.addRole(id, o.add);
        else if (o.remove !== undefined) await records.removeRole(id, o.remove);
        println(io.stdout, roleNames(records, await records.get(id)).join('\n') || '(no roles)');
      }),
    );
}

/** `get` and `list`. */
function registerReads(command: Command, action: ActionOf, io: Io, type: UserRecordType): void {
  command
    .command('get <id>')
    .description(`print ${article(type)} as JSON (id or eid:<externalId>)`)
    .action(
      action(async (records, ref) => {
        println(io.stdout, JSON.stringify(await records.get(await idOf(records, ref as string)), null, 2));
      }),
    );

  command
    .command('list')
    .description(`list ${type.plural} (SuiteQL, any number of rows)`)
    .option('--where <condition>', 'a SuiteQL condition on alias e, e.g. "e.isinactive = \'F\'"; use ? with --param')
    .option('-p, --param <value>', 'a bound parameter (repeatable)', collect)
    .option('--format <format>', 'table or jsonl', 'table')
    .action(
      action(async (records, opts) => {
        const o = opts as { where?: string; param?: string[]; format: string };
        const format = parseFormat(o.format);
        const rows: CanonicalRecord[] = [];
        for await (const record of records.list({ where: o.where, params: o.param ?? [] })) {
          if (format === 'jsonl') writeJsonLine(io.stdout, record);
          else rows.push(record);
        }
        if (format === 'table') {
          writeTable(
            io.stdout,
            rows.map((r) => ({
              id: r.id,
              entityId: r.entityId,
              name: [r.firstName, r.lastName].filter(Boolean).join(' ') || r.companyName,
              email: r.email,
              ...(type.id === 'employee' ? { department: r.department } : {}),
              isInactive: r.isInactive,
              giveAccess: r.giveAccess,
            })),
          );
        }
      }),
    );
}

const article = (type: UserRecordType) => `${/^[aeiou]/.test(type.label) ? 'an' : 'a'} ${type.label}`;

/** One command per registry type: `employee`, `vendor`, `partner`, `customer`. */
export function registerEmployee(program: Command, io: Io, run: (fn: () => Promise<void>) => Promise<void>): void {
  for (const type of USER_RECORD_TYPES) {
    const command = program.command(type.id).description(`create, change and read ${type.plural}`);
    const action: ActionOf = (fn) =>
      function (this: Command, ...args: unknown[]) {
        return run(async () => fn(recordsOf(makeClient(this.optsWithGlobals<GlobalOptions>(), io), type), ...args));
      };
    for (const register of [registerWrites, registerLifecycle, registerRoles, registerReads])
      register(command, action, io, type);
  }
}
