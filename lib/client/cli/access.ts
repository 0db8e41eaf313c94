/**
 * `suitehooks access list`: every record that can log in (employees, vendors, partners, customers) with
 * its roles and state, as a table, CSV or JSON lines; `--diff previous.jsonl` prints who gained or lost
 * access or a role since that export instead. Records inactive but still with access are flagged.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { userRecordType, type Ref } from '../../core';
import { accessList, diffAccess, type AccessChange, type AccessEntry } from '../access';
import { makeClient, type GlobalOptions } from './context';
import { recordsOf } from './employee';
import { writeJsonLine, writeTable } from './format';
import { InputError, type Io } from './io';

type AccessFormat = 'table' | 'csv' | 'jsonl';

function parseAccessFormat(value: string): AccessFormat {
  if (value !== 'table' && value !== 'csv' && value !== 'jsonl')
    throw new InputError(`--format is table, csv or jsonl, not "${value}"`);
  return value;
}

const roleText = (roles: readonly Ref[]) => roles.map((r) => (r.refName ? `${r.refName} (${r.id})` : r.id)).join('; ');

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function csvField(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function writeCsv(io: Io, rows: readonly Record<string, unknown>[], columns: readonly string[]): void {
  io.stdout.write(`${columns.join(',')}\r\n`);
  for (const row of rows) io.stdout.write(`${columns.map((c) => csvField(row[c])).join(',')}\r\n`);
}

function entryRow(e: AccessEntry): Record<string, unknown> {
  return {
    type: e.type,
    id: e.id,
    entityId: e.entityId,
    email: e.email,
    state: e.isInactive ? 'inactive' : 'active',
    roles: roleText(e.roles),
    flags: e.flags.join(' '),
  };
}

function changeRow(c: AccessChange): Record<string, unknown> {
  return { type: c.type, id: c.id, entityId: c.entityId, change: c.change, role: c.role ? roleText([c.role]) : '' };
}

function isRef(v: unknown): v is Ref {
  return typeof v === 'object' && v !== null && typeof (v as Ref).id === 'string';
}

/** A previous `--format jsonl` export, checked line by line (a bad line is named, nothing is guessed). */
export function readExport(file: string): AccessEntry[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, n }) => {
      let v: Partial<AccessEntry>;
      try {
        v = JSON.parse(line) as Partial<AccessEntry>;
      } catch {
        throw new InputError(`${file} line ${n}: not JSON (export with --format jsonl)`);
      }
      if (
        typeof v !== 'object' ||
        v === null ||
        typeof v.type !== 'string' ||
        !userRecordType(v.type) ||
        typeof v.id !== 'string' ||
        !Array.isArray(v.roles) ||
        !v.roles.every(isRef)
      )
        throw new InputError(`${file} line ${n}: not an access list entry (type, id, roles)`);
      return {
        type: v.type,
        id: v.id,
        entityId: v.entityId ?? null,
        email: v.email ?? null,
        isInactive: v.isInactive === true,
        roles: v.roles,
        flags: Array.isArray(v.flags) ? v.flags : [],
      };
    });
}

function write(io: Io, format: AccessFormat, rows: Record<string, unknown>[], raw: readonly unknown[]): void {
  if (format === 'jsonl') for (const r of raw) writeJsonLine(io.stdout, r);
  else if (format === 'csv') writeCsv(io, rows, Object.keys(rows[0] ?? {}));
  else writeTable(io.stdout, rows);
}

export function registerAccess(program: Command, io: Io, run: (fn: () => Promise<void>) => Promise<void>): void {
  const access = program
    .command('access')
    .description('review who can log in: employees, vendors, partners, customers');
  access
    .command('list')
    .description('every record with login access, its roles and state (INACTIVE_WITH_ACCESS flags inactive ones)')
    .option('--format <format>', 'table, csv or jsonl (jsonl is what --diff reads)', 'table')
    .option('--diff <previous.jsonl>', 'print who gained or lost access or a role since this export')
    .action(function (this: Command) {
      return run(async () => {
        const opts = this.optsWithGlobals<GlobalOptions & { format: string; diff?: string }>();
        const format = parseAccessFormat(opts.format);
        const previous = opts.diff === undefined ? null : readExport(path.resolve(io.cwd, opts.diff));
        const client = makeClient(opts, io);
        const entries: AccessEntry[] = [];
        for await (const e of accessList(client.suiteql, (t) => recordsOf(client, t))) {
          if (!previous && format === 'jsonl') writeJsonLine(io.stdout, e);
          else entries.push(e);
        }
        if (previous) {
          const changes = diffAccess(previous, entries);
          write(io, format, changes.map(changeRow), changes);
        } else if (format !== 'jsonl') write(io, format, entries.map(entryRow), entries);
      });
    });
}
