/**
 * `npm start`: the sandbox account with sample data, the bundle from src/ deployed, a local https
 * receiver as the endpoint, and the REST API on loopback. Runs a short story (a second receiver added
 * as an endpoint record with its own secret and filters, hire, promote, inline edit, receiver outage and
 * recovery, deprovision, a vendor granted login access) and serves until Ctrl-C (`--once`: exit after it).
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  DELIVERY_FIELD as F,
  DELIVERY_RECORD,
  DEPLOYMENT,
  ENDPOINT_FIELD as EP,
  ENDPOINT_RECORD,
  PARAM,
  SCRIPT,
  USER_RECORD_TYPES,
} from '../core';
import { PING_TYPE, type SuitehooksEvent } from '../core/ping';
import { SandboxAccount } from './account/account';
import { consoleAccess, deliveriesLine, replayFromConsole, type ConsoleAccess } from './console-story';
import { uiRoutes } from './suitelet/route';
import type { WriteContext } from './account/account-types';
import { parseStartArgs, USAGE, type StartConfig } from './config';
import { Receiver, type Attempt } from './receiver/receiver';
import { createDevCredentials, type DevClientCredentials } from './rest/credentials';
import { startRestServer, type RestServer } from './rest/server';

const DEMO_SECRET = 'custsecret_suitehooks_demo';
/** The second receiver's API Secret: another Standard Webhooks secret, another endpoint record. */
const SIEM_SECRET = 'custsecret_suitehooks_siem';
const MINUTE = 60_000;

const HR_APP: WriteContext = { executionContext: 'RESTWEBSERVICES', userId: '-5', roleId: '3' };
const MANAGER: WriteContext = { executionContext: 'USERINTERFACE', userId: '2', roleId: '3' };

export interface Running {
  account: SandboxAccount;
  receiver: Receiver;
  /** The story's second receiver (the security team's SIEM), with its own secret and filters. */
  siem: Receiver;
  server: RestServer;
  console: ConsoleAccess;
  stop(): Promise<void>;
}

function show(value: unknown): string {
  if (value === null) return '∅';
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  if (typeof value === 'object')
    return (value as { refName?: string; id?: string }).refName ?? `#${(value as { id?: string }).id}`;
  return JSON.stringify(value);
}

/** One line per change: `title: "Engineer" → "Senior Engineer"`, roles as +added/−removed. */
export function describeEvent(event: SuitehooksEvent): string[] {
  if (event.type === PING_TYPE)
    return [`${event.type} from user ${event.data.origin.user?.id ?? '?'}: ${event.data.message}`];
  const lines = [
    `${event.type} ${event.data.recordType} ${event.data.recordId} (${event.data.eventType}, ${event.data.origin.executionContext})`,
  ];
  for (const [field, change] of Object.entries(event.data.changes)) {
    if ('added' in change)
      lines.push(
        `    ${field}: ${[...change.added.map((r) => `+${show(r)}`), ...change.removed.map((r) => `−${show(r)}`)].join(' ')}`,
      );
    else lines.push(`    ${field}: ${show(change.old)} → ${show(change.new)}`);
  }
  if (event.data.lifecycle.length > 0) lines.push(`    lifecycle: ${event.data.lifecycle.join(', ')}`);
  if (event.data.warnings.length > 0) lines.push(`    warnings: ${event.data.warnings.join(', ')}`);
  return lines;
}

function attemptLine(a: Attempt, who = 'receiver'): string {
  const answer = a.status === null ? 'connection closed' : `${a.status}`;
  return `  ${who}: ${a.webhookId ?? '(no id)'} → ${answer}${a.verified ? ', signature verified' : `, rejected (${a.error ?? 'unverified'})`}${a.duplicate ? ', duplicate ignored' : ''}`;
}

function writeCredentials(
  config: StartConfig,
  server: RestServer,
  client: ReturnType<typeof createDevCredentials>['client'],
): string {
  const file = path.resolve(config.credentialsFile);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ account: config.accountId, baseUrl: server.url, ...client }, null, 2), {
    mode: 0o600,
  });
  return file;
}

export async function start(config: StartConfig, say: (line: string) => void): Promise<Running> {
  let account!: SandboxAccount;
  const receiver = await Receiver.start({
    port: config.receiverPort,
    now: () => account.clock.now(),
    onAttempt: (a, event) => {
      say(attemptLine(a));
      if (event && !a.duplicate) for (const line of describeEvent(event)) say(`    ${line}`);
    },
  });
  const siem = await Receiver.start({
    now: () => account.clock.now(),
    onAttempt: (a, event) => {
      say(attemptLine(a, 'siem'));
      if (event && !a.duplicate) for (const line of describeEvent(event)) say(`    ${line}`);
    },
  });
  // The demo's own receiver is the endpoint unless the configuration names one.
  const configuredEndpoint = config.params[DEPLOYMENT.userEvent]?.[PARAM.endpointUrl] || null;
  account = await createAccount(config, receiver, say);
  const dev = createDevCredentials();
  const access = consoleAccess();
  const server = await startRestServer(account, {
    port: config.restPort,
    credentials: dev.registry,
    concurrencyLimit: config.concurrencyLimit,
    ui: uiRoutes(account, access.sessions),
  });
  account.setUiDomain(new URL(server.url).host);
  account.startScheduler();
  const file = writeCredentials(config, server, dev.client);
  announce({ config, account, server, access, receiver, configuredEndpoint, file, client: dev.client }, say);
  return {
    account,
    receiver,
    siem,
    server,
    console: access,
    async stop() {
      await server.close();
      await account.close();
      await receiver.close();
      await siem.close();
    },
  };
}

/**
 * Script parameters per deployment: the configuration's, and the demo receiver as the endpoint of every
 * user event deployment (one per record type) whose configuration names none.
 */
function demoParams(config: StartConfig, receiver: Receiver): StartConfig['params'] {
  const own = { [PARAM.endpointUrl]: receiver.url, [PARAM.secretId]: DEMO_SECRET };
  const params = { ...config.params };
  for (const { deploymentId } of USER_RECORD_TYPES) {
    const configured = config.params[deploymentId];
    params[deploymentId] = { ...(configured?.[PARAM.endpointUrl] ? {} : own), ...configured };
  }
  return params;
}

/** The account with the project deployed; the demo receiver is its endpoint and trusted certificate. */
function createAccount(config: StartConfig, receiver: Receiver, say: (line: string) => void): Promise<SandboxAccount> {
  return SandboxAccount.create({
    accountId: config.accountId,
    // One script worker per concurrent REST request: a write never waits for another's user event.
    workers: config.concurrencyLimit,
    suiteqlTimeoutMs: config.suiteqlTimeoutMs,
    ...(config.dbPath ? { dbPath: config.dbPath } : {}),
    ...(config.projectDir ? { projectDir: config.projectDir } : {}),
    secrets: { [DEMO_SECRET]: receiver.apiSecretValue, ...config.secrets },
    params: demoParams(config, receiver),
    // The demo receiver serves https with a self-signed certificate, which the account trusts.
    http: {
      trustedCertificates: [
        ...(receiver.certificatePem === null ? [] : [receiver.certificatePem]),
        ...config.trustedCertificates,
      ],
    },
    onLog: (e) => {
      if (e.level === 'ERROR' || e.level === 'EMERGENCY')
        say(`  script ${e.script} ${e.level}: ${e.title}: ${e.details}`);
    },
  });
}

/** The lines `npm start` prints once everything runs: where the API, the console and the credentials are. */
function announce(
  parts: {
    config: StartConfig;
    account: SandboxAccount;
    server: RestServer;
    access: ConsoleAccess;
    receiver: Receiver;
    /** The endpoint the configuration names, or null when the demo's own receiver is the endpoint. */
    configuredEndpoint: string | null;
    file: string;
    client: DevClientCredentials;
  },
  say: (line: string) => void,
): void {
  const { config, account, server, access, receiver, configuredEndpoint, file, client } = parts;
  say(`suitehooks sandbox: account ${account.accountId}${config.dbPath ? ` (database ${config.dbPath})` : ''}`);
  say(
    `  REST API        ${server.url}/services/rest/record/v1/employee  ·  ${server.url}/services/rest/query/v1/suiteql`,
  );
  say(`  token endpoint  ${server.url}/services/rest/auth/oauth2/v1/token`);
  say(`  console         ${access.loginUrl(server.url)}  (administrator; open it in a browser)`);
  say(`  credentials     ${file}  (M2M client id ${client.m2m.clientId}; TBA tokens in the file)`);
  say(
    `                  certificate ids: ES256 ${client.m2m.certificateId} ("m2m"), PS256 ${client.m2mPs256.certificateId} ("m2mPs256")`,
  );
  const shown = path.relative(process.cwd(), file);
  say(`                  e.g. suitehooks --credentials ${shown.startsWith('..') ? file : shown} employee list`);
  say(
    `  receiver        ${configuredEndpoint === null ? `${receiver.url} (https, self-signed; signing secret stored as API Secret ${DEMO_SECRET})` : `configured endpoint ${configuredEndpoint}`}`,
  );
}

/** The scripted story: each step a real write through the account, its events printed as they arrive. */
export async function story(run: Running, say: (line: string) => void): Promise<void> {
  const { account, receiver } = run;
  const step = (text: string) => say(`\n▶ ${text}`);

  step('Security adds its SIEM as a second endpoint: its own secret, only title and access changes, changes only');
  await addSiemEndpoint(run, say);

  step('HR hires Maya Lindqvist through the REST API');
  const id = await account.createEmployee(
    {
      values: {
        firstName: 'Maya',
        lastName: 'Lindqvist',
        email: `maya.${randomBytes(3).toString('hex')}@example.com`,
        title: 'Engineer',
        subsidiary: { id: '1', refName: null },
        department: { id: '1', refName: null },
        hireDate: new Date(account.clock.now()).toISOString().slice(0, 10),
        giveAccess: true,
        roles: [{ id: '18', refName: null }],
      },
    },
    HR_APP,
  );

  step(`Her manager promotes her in the UI (employee ${id})`);
  await account.updateEmployee(
    id,
    { values: { title: 'Senior Engineer', location: { id: '2', refName: null } } },
    MANAGER,
    'edit',
  );

  step('An inline edit of her phone number (xedit: only the edited field)');
  await account.updateEmployee(id, { values: { mobilePhone: '+46 70 123 45 67' } }, MANAGER, 'xedit');

  step('The receiver goes down; a change is kept as a pending delivery');
  await receiver.down();
  await account.updateEmployee(id, { values: { title: 'Staff Engineer' } }, MANAGER, 'edit');
  say(deliveriesLine(account, 'pending'));

  step('The receiver is back; the clock moves 20 minutes and the retry script runs');
  await receiver.up();
  account.clock.advance(20 * MINUTE);
  const runs = await account.runScheduled(SCRIPT.retry);
  say(`  retry script: ${runs.map((r) => `${r.status}, ${r.usage} units`).join('; ')}`);

  step('Offboarding: deactivate and revoke access');
  await account.updateEmployee(id, { values: { isInactive: true, giveAccess: false } }, HR_APP, 'edit');

  step('Procurement adds the supplier Northwind Supplies and gives its bookkeeper login access (a vendor)');
  await vendorGrantedAccess(account);

  step('A change the receiver refuses with 410 Gone is dead at once; an administrator replays it from the console');
  await replayFromConsole(run, id, MANAGER, say);

  const byStatus = new Map<string, number>();
  for (const d of account.customRecords(DELIVERY_RECORD))
    byStatus.set(String(d[F.status]), (byStatus.get(String(d[F.status])) ?? 0) + 1);
  // Every verified event is also held to the published JSON Schema: a violation fails the story.
  const broken = receiver.schemaViolations;
  if (broken.length > 0)
    throw new Error(
      `${broken.length} events break the JSON Schema: ${broken.map((v) => `${v.webhookId}: ${v.problems.join(', ')}`).join('; ')}`,
    );
  say(
    `\n✔ ${receiver.events.size} + ${run.siem.events.size} (siem) events received, verified and valid against the JSON Schema; deliveries kept: ${[...byStatus].map(([s, n]) => `${n} ${s}`).join(', ') || 'none'}`,
  );
}

/** A vendor created without access, then given login access and a role: `vendor.created`, `vendor.updated` (access_granted). */
async function vendorGrantedAccess(account: SandboxAccount): Promise<void> {
  const vendor = await account.createRecord(
    'vendor',
    {
      values: {
        entityId: `Northwind Supplies ${randomBytes(3).toString('hex')}`,
        companyName: 'Northwind Supplies',
        email: 'books@northwind.example.com',
        subsidiary: { id: '1', refName: null },
      },
    },
    HR_APP,
  );
  await account.updateRecord(
    'vendor',
    vendor,
    { values: { giveAccess: true, roles: [{ id: '30', refName: null }] }, replaceRoles: true },
    MANAGER,
  );
}

/** The SIEM as an endpoint record, saved as an administrator does in its form (its user event drops the cache). */
async function addSiemEndpoint(run: Running, say: (line: string) => void): Promise<void> {
  run.account.setSecret(SIEM_SECRET, run.siem.apiSecretValue);
  if (run.siem.certificatePem !== null) run.account.trustCertificate(run.siem.certificatePem); // the SIEM serves https
  const id = await run.account.saveCustomRecord(ENDPOINT_RECORD, null, {
    name: 'SIEM',
    [EP.url]: run.siem.url,
    [EP.secretId]: SIEM_SECRET,
    [EP.fields]: 'title, isInactive, giveAccess, roles',
    [EP.payloadMode]: 'changes',
    [EP.enabled]: true,
  });
  say(`  endpoint ${id}: ${run.siem.url} (API Secret ${SIEM_SECRET}, fields title/isInactive/giveAccess/roles)`);
}

export async function main(
  argv: readonly string[],
  say: (line: string) => void = (l) => console.log(l),
): Promise<Running | null> {
  const config = parseStartArgs(argv);
  const run = await start(config, say);
  try {
    if (!config.noStory) await story(run, say);
  } catch (e) {
    await run.stop();
    throw e;
  }
  if (config.once) {
    await run.stop();
    return null;
  }
  say('\nServing; Ctrl-C to stop.');
  const stop = () => void run.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return run;
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) console.log(USAGE);
  else
    main(argv).catch((e: unknown) => {
      console.error(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
      process.exit(1);
    });
}
