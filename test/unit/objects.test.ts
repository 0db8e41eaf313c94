/**
 * The SDF project is consistent: every object in src/Objects matches the contract's ids, the code
 * (PARAM, DELIVERY_FIELD, script ids) and the built files, and manifest.xml / deploy.xml cover them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALERT_FIELD, ALERT_PARAM, ALERT_RECORD } from '../../lib/core/alert-config';
import { PARAM } from '../../lib/core/config';
import { DELIVERY_FIELD, DELIVERY_RECORD } from '../../lib/core/delivery-record';
import { ENDPOINT_FIELD, ENDPOINT_RECORD } from '../../lib/core/endpoint-record';
import { DEPLOYMENT, SCRIPT } from '../../lib/core/ids';
import { USER_RECORD_TYPES } from '../../lib/core/record-types';

const SRC = join(__dirname, '../../src');
const OBJECTS = join(SRC, 'Objects');

/**
 * The fixed ids of docs/configuration.md#netsuite-objects, spelled out on purpose (not read from
 * lib/core): the XML and lib/core/ids.ts must both match what the docs promise.
 */
const CONTRACT = {
  userEvent: 'customscript_suitehooks_employee_ue',
  userEventDeployment: 'customdeploy_suitehooks_employee_ue',
  retry: 'customscript_suitehooks_retry_ss',
  retryDeployment: 'customdeploy_suitehooks_retry_ss',
  record: 'customrecord_suitehooks_delivery',
  params: [
    'custscript_suitehooks_endpoint_url',
    'custscript_suitehooks_secret_id',
    'custscript_suitehooks_prev_secret_id',
    'custscript_suitehooks_fields',
    'custscript_suitehooks_contexts',
    'custscript_suitehooks_delivery_mode',
  ],
};

const SCRIPT_TYPES: Record<string, { nsType: string; entryPoint: string }> = {
  usereventscript: { nsType: 'UserEventScript', entryPoint: 'afterSubmit' },
  scheduledscript: { nsType: 'ScheduledScript', entryPoint: 'execute' },
  suitelet: { nsType: 'Suitelet', entryPoint: 'onRequest' },
};

const FIELD_TYPES = new Set([
  'CHECKBOX',
  'CLOBTEXT',
  'DATE',
  'DATETIMETZ',
  'EMAIL',
  'FLOAT',
  'INTEGER',
  'MULTISELECT',
  'PASSWORD',
  'SELECT',
  'TEXT',
  'TEXTAREA',
  'URL',
]);

interface SdfObject {
  file: string;
  xml: string;
  root: string;
  scriptid: string;
}

const objects: SdfObject[] = readdirSync(OBJECTS)
  .filter((f) => f.endsWith('.xml'))
  .map((file) => {
    const xml = readFileSync(join(OBJECTS, file), 'utf8');
    const root = /^\s*<(\w+) scriptid="([^"]+)">/.exec(xml);
    if (!root) throw new Error(`${file}: no root element with a scriptid`);
    return { file, xml, root: root[1]!, scriptid: root[2]! };
  });

/** Script ids of the child elements named `tag`, with the element text. */
function children(xml: string, tag: string): { scriptid: string; body: string }[] {
  const re = new RegExp(`<${tag} scriptid="([^"]+)">([\\s\\S]*?)</${tag}>`, 'g');
  return [...xml.matchAll(re)].map((m) => ({ scriptid: m[1]!, body: m[2]! }));
}

function element(xml: string, tag: string): string | null {
  return new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1] ?? null;
}

function object(scriptid: string): SdfObject {
  const found = objects.find((o) => o.scriptid === scriptid);
  if (!found) throw new Error(`no object ${scriptid} in src/Objects`);
  return found;
}

function expectId(id: string, prefix: string): void {
  expect(id.startsWith(prefix)).toBe(true);
  expect(id.length).toBeLessThanOrEqual(40);
  expect(id).toMatch(/^[a-z0-9_]+$/);
}

describe('src/Objects', () => {
  test('holds exactly the contract objects, each in a file named after its script id', () => {
    expect(objects.map((o) => o.scriptid).sort()).toEqual(
      [
        CONTRACT.record,
        CONTRACT.userEvent,
        CONTRACT.retry,
        SCRIPT.console,
        ALERT_RECORD,
        ENDPOINT_RECORD,
        SCRIPT.endpointUserEvent,
      ].sort(),
    );
    for (const o of objects) expect(o.file).toBe(`${o.scriptid}.xml`);
    expect(object(CONTRACT.userEvent).root).toBe('usereventscript');
    expect(object(CONTRACT.retry).root).toBe('scheduledscript');
    expect(object(CONTRACT.record).root).toBe('customrecordtype');
  });

  test.each(objects.filter((o) => o.root in SCRIPT_TYPES).map((o) => [o.scriptid, o] as const))(
    '%s: ids, scriptfile and the built file agree',
    (_, o) => {
      expectId(o.scriptid, 'customscript_');
      const scriptfile = /<scriptfile>\[(\/SuiteScripts\/[^\]]+\.js)\]<\/scriptfile>/.exec(o.xml)?.[1];
      expect(scriptfile).toBeDefined();
      const built = join(SRC, 'FileCabinet', scriptfile!);
      expect(existsSync(built)).toBe(true);
      const code = readFileSync(built, 'utf8');
      const { nsType, entryPoint } = SCRIPT_TYPES[o.root]!;
      expect(code).toMatch(new RegExp(`@NScriptType ${nsType}\\n`));
      expect(code).toMatch(new RegExp(`return \\{ ${entryPoint}: \\w+ \\};\\n\\}\\);\\n$`));
      for (const d of children(o.xml, 'scriptdeployment')) expectId(d.scriptid, 'customdeploy_');
    },
  );

  test('the ids the code uses are the contract ones', () => {
    expect(SCRIPT).toMatchObject({ userEvent: CONTRACT.userEvent, retry: CONTRACT.retry });
    expect(DEPLOYMENT).toMatchObject({ userEvent: CONTRACT.userEventDeployment, retryTimer: CONTRACT.retryDeployment });
  });

  test('the user event has one deployment per registry type (EMPLOYEE first, as before), without a title, executing as Administrator', () => {
    const deployments = children(object(CONTRACT.userEvent).xml, 'scriptdeployment');
    // One script, one deployment per record type (Oracle's own Field Service user event does the same, section_0224112928).
    expect(deployments.map((d) => d.scriptid)).toEqual(USER_RECORD_TYPES.map((t) => t.deploymentId));
    expect(deployments[0]!.scriptid).toBe(CONTRACT.userEventDeployment);
    expect(deployments.map((d) => element(d.body, 'recordtype'))).toEqual(
      USER_RECORD_TYPES.map((t) => t.sdfRecordType),
    );
    expect(deployments[0]!.scriptid).toBe(DEPLOYMENT.userEvent);
    for (const deployment of deployments) {
      expect(element(deployment.body, 'status')).toBe('RELEASED');
      expect(element(deployment.body, 'isdeployed')).toBe('T');
      // A user event deployment has no title (SDFxml_1334137041).
      expect(deployment.body).not.toContain('<title>');
      // Writes the delivery whatever the saving user's role may do (chapter_N2997500).
      expect(element(deployment.body, 'runasrole')).toBe('ADMINISTRATOR');
    }
    expect(readFileSync(join(SRC, 'FileCabinet/SuiteScripts/suitehooks/suitehooks_retry_ss.js'), 'utf8')).toContain(
      `"${DEPLOYMENT.userEvent}"`,
    );
  });

  test('the retry script has the Scheduled timer (every 15 minutes) and the Not Scheduled worker the code starts', () => {
    const deployments = children(object(CONTRACT.retry).xml, 'scriptdeployment');
    expect(deployments.map((d) => d.scriptid)).toEqual([DEPLOYMENT.retryTimer, DEPLOYMENT.retryWorker]);
    const [timer, worker] = deployments;
    expect(element(timer!.body, 'status')).toBe('SCHEDULED');
    expect(timer!.body).toMatch(/<recurrence>[\s\S]*<repeat>PT15M<\/repeat>/);
    expect(element(worker!.body, 'status')).toBe('NOTSCHEDULED');
    expect(worker!.body).not.toContain('<recurrence>');
    for (const d of deployments) expect(element(d.body, 'title')).toBeTruthy();
    expect(readFileSync(join(SRC, 'FileCabinet/SuiteScripts/suitehooks/suitehooks_retry_ss.js'), 'utf8')).toContain(
      `"${DEPLOYMENT.retryWorker}"`,
    );
  });

  test('the console: a released Suitelet for administrators only (the audience is widened by the administrator), no parameters', () => {
    const consoleXml = object(SCRIPT.console);
    expect(consoleXml.root).toBe('suitelet');
    const [deployment, ...others] = children(consoleXml.xml, 'scriptdeployment');
    expect(others).toHaveLength(0);
    expect(deployment!.scriptid).toBe(DEPLOYMENT.console);
    expect(element(deployment!.body, 'status')).toBe('RELEASED');
    expect(element(deployment!.body, 'title')).toBeTruthy();
    expect(element(deployment!.body, 'allroles')).toBe('F');
    expect(element(deployment!.body, 'audslctrole')).toBe('ADMINISTRATOR');
    expect(element(deployment!.body, 'isonline')).toBe('F');
    // Runs with the user's own role: the audience's roles need permission on the records it reads.
    expect(deployment!.body).not.toContain('<runasrole>');
    expect(children(consoleXml.xml, 'scriptcustomfield')).toEqual([]);
  });

  test('alert settings are parameters of the retry script (set on the timer deployment), read by the built retry script', () => {
    const params = children(object(SCRIPT.retry).xml, 'scriptcustomfield');
    expect(params.map((p) => p.scriptid).sort()).toEqual(Object.values(ALERT_PARAM).sort());
    const retryBuilt = readFileSync(join(SRC, 'FileCabinet/SuiteScripts/suitehooks/suitehooks_retry_ss.js'), 'utf8');
    for (const p of params) {
      expectId(p.scriptid, 'custscript_');
      expect(FIELD_TYPES.has(element(p.body, 'fieldtype')!)).toBe(true);
      expect(element(p.body, 'ismandatory')).toBe('F');
      expect(retryBuilt).toContain(`"${p.scriptid}"`);
    }
  });

  test('the alert state record: exactly ALERT_FIELD, restricted to its permission list (Administrator), not in the search menu', () => {
    const rec = object(ALERT_RECORD);
    expect(rec.root).toBe('customrecordtype');
    expect(element(rec.xml, 'accesstype')).toBe('USEPERMISSIONLIST');
    const permissions = [...rec.xml.matchAll(/<permission>([\s\S]*?)<\/permission>/g)].map((m) => [
      element(m[1]!, 'permittedrole'),
      element(m[1]!, 'permittedlevel'),
    ]);
    expect(permissions).toEqual([['ADMINISTRATOR', 'FULL']]);
    expect(element(rec.xml, 'includeinsearchmenu')).toBe('F');
    const fields = children(rec.xml, 'customrecordcustomfield');
    expect(fields.map((f) => f.scriptid).sort()).toEqual(Object.values(ALERT_FIELD).sort());
    for (const f of fields) expectId(f.scriptid, 'custrecord_');
  });

  test('the endpoint record: exactly ENDPOINT_FIELD, Administrator only; its user event is deployed on it', () => {
    const rec = object(ENDPOINT_RECORD);
    expect(rec.root).toBe('customrecordtype');
    expect(element(rec.xml, 'accesstype')).toBe('USEPERMISSIONLIST');
    expect(element(rec.xml, 'includeinsearchmenu')).toBe('F');
    const fields = children(rec.xml, 'customrecordcustomfield');
    expect(fields.map((f) => f.scriptid).sort()).toEqual(Object.values(ENDPOINT_FIELD).sort());
    for (const f of fields) expectId(f.scriptid, 'custrecord_');
    const ue = object(SCRIPT.endpointUserEvent);
    expect(ue.root).toBe('usereventscript');
    const [deployment] = children(ue.xml, 'scriptdeployment');
    expect(deployment!.scriptid).toBe(DEPLOYMENT.endpointUserEvent);
    expect(element(deployment!.body, 'recordtype')).toBe(`[scriptid=${ENDPOINT_RECORD}]`);
  });

  test('user event parameters: exactly PARAM, including the contract ones, each in the built file', () => {
    const declared = children(object(CONTRACT.userEvent).xml, 'scriptcustomfield');
    const ids = declared.map((p) => p.scriptid);
    expect([...ids].sort()).toEqual(Object.values(PARAM).sort());
    for (const id of CONTRACT.params) expect(ids).toContain(id);
    const built = readFileSync(join(SRC, 'FileCabinet/SuiteScripts/suitehooks/suitehooks_employee_ue.js'), 'utf8');
    for (const p of declared) {
      expectId(p.scriptid, 'custscript_');
      expect(FIELD_TYPES.has(element(p.body, 'fieldtype')!)).toBe(true);
      expect(element(p.body, 'label')).toBeTruthy();
      expect(built).toContain(`"${p.scriptid}"`);
    }
  });

  test('delivery record fields: exactly DELIVERY_FIELD, with the types the code writes', () => {
    const rec = object(DELIVERY_RECORD);
    const fields = children(rec.xml, 'customrecordcustomfield');
    expect(fields.map((f) => f.scriptid).sort()).toEqual(Object.values(DELIVERY_FIELD).sort());
    const typeOf = (id: string) => element(fields.find((f) => f.scriptid === id)!.body, 'fieldtype');
    for (const f of fields) {
      expectId(f.scriptid, 'custrecord_');
      expect(FIELD_TYPES.has(element(f.body, 'fieldtype')!)).toBe(true);
      expect(element(f.body, 'label')).toBeTruthy();
    }
    expect(typeOf(DELIVERY_FIELD.body)).toBe('CLOBTEXT');
    expect(element(fields.find((f) => f.scriptid === DELIVERY_FIELD.body)!.body, 'maxlength')).toBe('');
    expect(typeOf(DELIVERY_FIELD.nextAttempt)).toBe('TEXT'); // ISO-8601 UTC text: readable from a search column
    expect(typeOf(DELIVERY_FIELD.bodyLength)).toBe('INTEGER');
    expect(typeOf(DELIVERY_FIELD.attempts)).toBe('INTEGER');
    expect(typeOf(DELIVERY_FIELD.lastHttpStatus)).toBe('INTEGER');
    expect(typeOf(DELIVERY_FIELD.status)).toBe('TEXT');
    // The list view shows what an administrator needs to find and replay a delivery.
    const listed = fields.filter((f) => element(f.body, 'showinlist') === 'T').map((f) => f.scriptid);
    for (const id of [
      DELIVERY_FIELD.status,
      DELIVERY_FIELD.eventType,
      DELIVERY_FIELD.recordId,
      DELIVERY_FIELD.attempts,
      DELIVERY_FIELD.nextAttempt,
      DELIVERY_FIELD.lastError,
    ]) {
      expect(listed).toContain(id);
    }
  });

  test('delivery records are restricted: a permission list (Administrator), not in the search menu', () => {
    const rec = object(DELIVERY_RECORD).xml;
    expect(element(rec, 'accesstype')).toBe('USEPERMISSIONLIST');
    const permissions = [...rec.matchAll(/<permission>([\s\S]*?)<\/permission>/g)].map((m) => [
      element(m[1]!, 'permittedrole'),
      element(m[1]!, 'permittedlevel'),
    ]);
    expect(permissions).toEqual([['ADMINISTRATOR', 'FULL']]);
    expect(element(rec, 'includeinsearchmenu')).toBe('F');
    // Needs the MAILMERGE feature in the manifest (SDFxml_372451363); the record has no use for it.
    expect(rec).not.toContain('<enablemailmerge>');
  });
});

describe('manifest.xml and deploy.xml', () => {
  const manifest = readFileSync(join(SRC, 'manifest.xml'), 'utf8');
  const deploy = readFileSync(join(SRC, 'deploy.xml'), 'utf8');

  test('the manifest is an account customization needing server scripting and custom records', () => {
    expect(manifest).toMatch(/<manifest projecttype="ACCOUNTCUSTOMIZATION">/);
    expect(manifest).toMatch(/<feature required="true">SERVERSIDESCRIPTING<\/feature>/);
    expect(manifest).toMatch(/<feature required="true">CUSTOMRECORDS<\/feature>/);
  });

  test('deploy.xml covers every object and every scriptfile', () => {
    const globs = [...deploy.matchAll(/<path>([^<]+)<\/path>/g)].map((m) => m[1]!);
    const covered = (path: string) =>
      globs.some((g) => new RegExp(`^${g.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(path));
    for (const o of objects) expect(covered(`~/Objects/${o.file}`)).toBe(true);
    for (const o of objects) {
      const scriptfile = /<scriptfile>\[([^\]]+)\]<\/scriptfile>/.exec(o.xml)?.[1];
      if (scriptfile) expect(covered(`~/FileCabinet${scriptfile}`)).toBe(true);
    }
  });
});
