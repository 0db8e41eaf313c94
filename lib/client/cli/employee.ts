/** `suitehooks employee …`: the lifecycle calls, one per subcommand. */
import type { Command } from 'commander';
import type { CanonicalRecord, Ref } from '../../core';
import type { NetSuiteClient } from '../client';
import { makeClient, type GlobalOptions } from './context';
import { parseFormat, writeJsonLine, writeTable } from './format';
import { InputError, println, type Io } from './io';
import { parseAssignments } from '../values';

type Action = (client: NetSuiteClient, ...args: unknown[]) => Promise<void>;

/** An internal id, or the id of `eid:<externalId>`. */
async function idOf(client: NetSuiteClient, ref: string): Promise<string> {
  if (!ref.startsWith('eid:')) return ref;
  const found = await client.employees.getByExternalId(ref.slice(4));
  if (!found) throw new InputError(`no employee has the external id "${ref.slice(4)}"`);
  return String(found.id);
}

const roleNames = (record: CanonicalRecord) => ((record.roles as Ref[] | null) ?? []).map((r) => r.refName ?? r.id);

/** Wraps a subcommand's work: a client from the global options, errors reported by `run`. */
type ActionOf = (fn: Action) => (this: Command, ...args: unknown[]) => Promise<void>;

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `create` and `update`. */
function registerWrites(employee: Command, action: ActionOf, io: Io): void {
  employee
    .command('create')
    .description('create an employee; with --external-id it is an upsert, safe to repeat')
    .option('-s, --set <field=value>', 'a field value (repeatable); selects and roles by name or id', collect)
    .option('--external-id <id>', 'the external id (makes the create idempotent)')
    .action(
      action(async (client, opts) => {
        const { set = [], externalId } = opts as { set?: string[]; externalId?: string };
        const values = parseAssignments(set);
        if (Object.keys(values).length === 0)
          throw new InputError('nothing to create: give fields with --set field=value');
        const id = externalId
          ? await client.employees.upsert(externalId, values)
          : await client.employees.create(values);
        println(io.stdout, id);
      }),
    );

  employee
    .command('update <id>')
    .description('change fields of an employee (id or eid:<externalId>)')
    .option('-s, --set <field=value>', 'a field value (repeatable)', collect)
    .action(
      action(async (client, ref, opts) => {
        const values = parseAssignments((opts as { set?: string[] }).set ?? []);
        if (Object.keys(values).length === 0)
          throw new InputError('nothing to change: give fields with --set field=value');
        await client.employees.update(await idOf(client, ref as string), values);
        println(io.stdout, 'updated');
      }),
    );
}

/** `deactivate`, `reactivate` and `delete`. */
function registerLifecycle(employee: Command, action: ActionOf, io: Io): void {
  employee
    .command('deactivate <id>')
    .description('inactivate and revoke access, then check both stuck')
    .action(
      action(async (client, ref) => {
        const record = await client.employees.deactivate(await idOf(client, ref as string));
        println(io.stdout, `deactivated ${String(record.id)}: isInactive=true giveAccess=false`);
      }),
    );

  employee
    .command('reactivate <id>')
    .description('activate again; --access also gives login access back (needs an email and a role)')
    .option('--access', 'set giveAccess too')
    .action(
      action(async (client, ref, opts) => {
        const access = (opts as { access?: boolean }).access ? { giveAccess: true } : {};
        const record = await client.employees.reactivate(await idOf(client, ref as string), access);
        println(
          io.stdout,
          `reactivated ${String(record.id)}: isInactive=false giveAccess=${String(record.giveAccess)}`,
        );
      }),
    );

  employee
    .command('delete <id>')
    .description('delete an employee (NetSuite refuses employees with history: deactivate those)')
    .action(
      action(async (client, ref) => {
        await client.employees.delete(await idOf(client, ref as string));
        println(io.stdout, 'deleted');
      }),
    );
}

/** `roles`: show them, or set, add or remove one. */
function registerRoles(employee: Command, action: ActionOf, io: Io): void {
  employee
    .command('roles <id>')
    .description('show roles, or change them: --set (exact list), --add, --remove')
    .option('--set <roles>', 'the exact list, comma separated names or ids')
    .option('--add <role>', 'add a role')
    .option('--remove <role>', 'remove a role')
    .action(
      action(async (client, ref, opts) => {
        const o = opts as { set?: string; add?: string; remove?: string };
        if ([o.set, o.add, o.remove].filter((v) => v !== undefined).length > 1)
          throw new InputError('give one of --set, --add, --remove');
        const id = await idOf(client, ref as string);
        if (o.set !== undefined)
          await client.employees.setRoles(
            id,
            o.set
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          );
        else if (o.add !== undefined) await client.employees.addRole(id, o.add);
        else if (o.remove !== undefined) await client.employees.removeRole(id, o.remove);
        println(io.stdout, roleNames(await client.employees.get(id)).join('\n') || '(no roles)');
      }),
    );
}

/** `get` and `list`. */
function registerReads(employee: Command, action: ActionOf, io: Io): void {
  employee
    .command('get <id>')
    .description('print an employee as JSON (id or eid:<externalId>)')
    .action(
      action(async (client, ref) => {
        println(io.stdout, JSON.stringify(await client.employees.get(await idOf(client, ref as string)), null, 2));
      }),
    );

  employee
    .command('list')
    .description('list employees (SuiteQL, any number of rows)')
    .option('--where <condition>', 'a SuiteQL condition on alias e, e.g. "e.isinactive = \'F\'"; use ? with --param')
    .option('-p, --param <value>', 'a bound parameter (repeatable)', collect)
    .option('--format <format>', 'table or jsonl', 'table')
    .action(
      action(async (client, opts) => {
        const o = opts as { where?: string; param?: string[]; format: string };
        const format = parseFormat(o.format);
        const rows: CanonicalRecord[] = [];
        for await (const record of client.employees.list({ where: o.where, params: o.param ?? [] })) {
          if (format === 'jsonl') writeJsonLine(io.stdout, record);
          else rows.push(record);
        }
        if (format === 'table') {
          writeTable(
            io.stdout,
            rows.map((r) => ({
              id: r.id,
              entityId: r.entityId,
              name: [r.firstName, r.lastName].filter(Boolean).join(' '),
              email: r.email,
              department: r.department,
              isInactive: r.isInactive,
              giveAccess: r.giveAccess,
            })),
          );
        }
      }),
    );
}

export function registerEmployee(program: Command, io: Io, run: (fn: () => Promise<void>) => Promise<void>): void {
  const employee = program.command('employee').description('create, change and read employees');
  const action: ActionOf = (fn) =>
    function (this: Command, ...args: unknown[]) {
      return run(async () => fn(makeClient(this.optsWithGlobals<GlobalOptions>(), io), ...args));
    };
  for (const register of [registerWrites, registerLifecycle, registerRoles, registerReads])
    register(employee, action, io);
}
