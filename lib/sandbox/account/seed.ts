/** A small realistic company to start from, and fast bulk seeding of synthetic employees for benchmarks. */
import type { Db } from './store';

const SUBSIDIARIES = ['Parent Company', 'Acme UK Ltd', 'Acme GmbH'];
const DEPARTMENTS = ['Engineering', 'Sales', 'Operations', 'Finance', 'People'];
const LOCATIONS = ['San Francisco', 'London', 'Berlin', 'Remote'];
/** Role ids as in a NetSuite account: 3 Administrator, 15 Sales Rep, … */
const ROLES: [number, string][] = [
  [3, 'Administrator'],
  [15, 'Sales Rep'],
  [18, 'Employee Center'],
  [30, 'Accountant'],
  [1001, 'Engineering Manager'],
];
const EMPLOYEE_TYPES = ['Employee', 'Contractor', 'Intern'];

const PEOPLE: [string, string, string, number, number, string][] = [
  // first, last, title, department, location, hire date
  ['Ada', 'Okafor', 'Chief Executive Officer', 3, 1, '2019-01-07'],
  ['Bruno', 'Silva', 'VP Engineering', 1, 1, '2019-03-18'],
  ['Chen', 'Wei', 'Senior Engineer', 1, 4, '2020-06-01'],
  ['Dana', 'Kowalski', 'Account Executive', 2, 2, '2021-02-15'],
  ['Emeka', 'Nwosu', 'Controller', 4, 1, '2020-09-14'],
  ['Farah', 'Haddad', 'People Partner', 5, 3, '2022-04-04'],
  ['Gustav', 'Berg', 'Engineer', 1, 3, '2023-01-09'],
  ['Hana', 'Sato', 'Sales Manager', 2, 2, '2021-11-22'],
];

/** Seeds reference data and a handful of employees, once (a persistent database keeps its data). */
export function seedCompany(db: Db, now: string): void {
  if ((db.prepare('SELECT COUNT(*) FROM subsidiary').pluck().get() as number) > 0) return;
  db.transaction(() => {
    SUBSIDIARIES.forEach((name, i) => db.prepare('INSERT INTO subsidiary (id, name) VALUES (?, ?)').run(i + 1, name));
    DEPARTMENTS.forEach((name, i) =>
      db.prepare('INSERT INTO department (id, name, subsidiary) VALUES (?, ?, 1)').run(i + 1, name),
    );
    LOCATIONS.forEach((name, i) =>
      db.prepare('INSERT INTO location (id, name, subsidiary) VALUES (?, ?, 1)').run(i + 1, name),
    );
    for (const [id, name] of ROLES) db.prepare('INSERT INTO role (id, name) VALUES (?, ?)').run(id, name);
    EMPLOYEE_TYPES.forEach((name, i) =>
      db.prepare('INSERT INTO employeetype (id, name) VALUES (?, ?)').run(i + 1, name),
    );
    const insert =
      db.prepare(`INSERT INTO employee (entityid, externalid, firstname, lastname, email, title, isinactive, giveaccess,
      subsidiary, department, location, supervisor, employeetype, hiredate, datecreated, lastmodifieddate)
      VALUES (?, ?, ?, ?, ?, ?, 'F', ?, ?, ?, ?, ?, 1, ?, ?, ?)`);
    const role = db.prepare('INSERT INTO employeerolesforsearch (entity, role, line) VALUES (?, ?, 0)');
    PEOPLE.forEach(([first, last, title, dept, loc, hired], i) => {
      const email = `${first}.${last}@example.com`.toLowerCase();
      const supervisor = i === 0 ? null : i < 3 || i === 4 ? 1 : dept === 1 ? 2 : 1;
      const access = i < 2 || i === 4 ? 'T' : 'F';
      const info = insert.run(
        `${first} ${last}`,
        `HR-${1000 + i}`,
        first,
        last,
        email,
        title,
        access,
        1,
        dept,
        loc,
        supervisor,
        hired,
        now,
        now,
      );
      if (access === 'T') role.run(info.lastInsertRowid, i === 4 ? 30 : 3);
    });
    // Expense reports reference two employees, so deleting them is refused as in NetSuite.
    db.prepare(
      `INSERT INTO "transaction" (type, tranid, entity, employee, trandate) VALUES ('ExpRept', 'EXP-1001', 3, 3, '2025-05-02'), ('ExpRept', 'EXP-1002', 4, 4, '2025-06-11')`,
    ).run();
  })();
}

/**
 * Inserts `count` synthetic employees in one transaction (no user events: like a data migration that
 * predates the bundle). 150,000 rows take a few seconds.
 */
export function seedSyntheticEmployees(db: Db, count: number, now: string, startAt = 0): void {
  const insert =
    db.prepare(`INSERT INTO employee (entityid, externalid, firstname, lastname, email, title, isinactive, giveaccess,
    subsidiary, department, location, supervisor, employeetype, hiredate, datecreated, lastmodifieddate)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'F', ?, ?, ?, NULL, ?, ?, ?, ?)`);
  db.transaction(() => {
    for (let i = startAt; i < startAt + count; i++) {
      const n = String(i).padStart(6, '0');
      const hired = `20${10 + (i % 15)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      insert.run(
        `Synthetic ${n}`,
        `SYN-${n}`,
        'Synthetic',
        n,
        `synthetic.${n}@example.com`,
        i % 7 === 0 ? 'Engineer' : 'Associate',
        i % 50 === 0 ? 'T' : 'F',
        1 + (i % SUBSIDIARIES.length),
        1 + (i % DEPARTMENTS.length),
        1 + (i % LOCATIONS.length),
        1 + (i % EMPLOYEE_TYPES.length),
        hired,
        now,
        now,
      );
    }
  })();
}
