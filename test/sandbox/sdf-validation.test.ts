/**
 * SDF validation (lib/sandbox/sdf): every object is checked against its own type's documented field
 * list, as `suitecloud project:deploy` does. src/ deploys clean; each kind of violation is refused with
 * SDF's kind of message (object, where, why), including the two that once passed: a title on a user
 * event deployment (SDFxml_1334137041) and enablemailmerge without MAILMERGE (SDFxml_372451363).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DELIVERY_RECORD, SCRIPT } from '../../lib/core';
import { SandboxAccount } from '../../lib/sandbox/account/account';
import { DeployError, validateProject } from '../../lib/sandbox/sdf/deploy';
import { parseXml, readObjectFiles } from '../../lib/sandbox/sdf/objects-xml';
import { repoRoot } from '../../lib/sandbox/paths';
import { formatProblem, validateObject } from '../../lib/sandbox/sdf/validate';

const SRC = path.join(repoRoot(), 'src');
const FEATURES = new Set(['SERVERSIDESCRIPTING', 'CUSTOMRECORDS']);
const source = (file: string) => fs.readFileSync(path.join(SRC, 'Objects', file), 'utf8');
const UE = `${SCRIPT.userEvent}.xml`;
const RETRY = `${SCRIPT.retry}.xml`;
const RECORD = `${DELIVERY_RECORD}.xml`;
// The expected messages below spell the ids out on purpose: each is the text NetSuite's validator prints.

/** The problems of one object file's XML, formatted as SDF reports them. */
function problems(xml: string, file: string, features: ReadonlySet<string> = FEATURES): string[] {
  return validateObject(parseXml(xml, file), file, features).map(formatProblem);
}

test('src/ deploys clean: manifest and every object', () => {
  expect(validateProject(SRC, readObjectFiles(path.join(SRC, 'Objects')))).toEqual([]);
});

describe('the two mistakes that once passed are refused', () => {
  test('a title on a user event deployment (a user event scriptdeployment has no such field)', () => {
    const xml = source(UE).replace(
      '<recordtype>EMPLOYEE</recordtype>',
      '<title>suitehooks</title><recordtype>EMPLOYEE</recordtype>',
    );
    expect(problems(xml, UE)).toEqual([
      'An error occurred during custom object validation. (customscript_suitehooks_employee_ue)\n' +
        'Details: scriptdeployment customdeploy_suitehooks_employee_ue: The title object field is invalid or not supported.\n' +
        'File: ~/Objects/customscript_suitehooks_employee_ue.xml',
    ]);
  });

  test('enablemailmerge without the MAILMERGE feature in the manifest; accepted once the manifest names it', () => {
    const xml = source(RECORD).replace(
      '<includeinsearchmenu>',
      '<enablemailmerge>F</enablemailmerge><includeinsearchmenu>',
    );
    expect(problems(xml, RECORD)).toEqual([
      expect.stringContaining(
        'Details: You must specify the MAILMERGE feature in the project manifest as required to use the enablemailmerge field.',
      ),
    ]);
    expect(problems(xml, RECORD, new Set([...FEATURES, 'MAILMERGE']))).toEqual([]);
  });

  test('the account refuses to deploy such a project, naming the object and the field', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-sdf-'));
    try {
      fs.cpSync(SRC, dir, { recursive: true });
      fs.writeFileSync(
        path.join(dir, 'Objects', UE),
        source(UE).replace('<recordtype>', '<title>x</title><recordtype>'),
      );
      const error = await SandboxAccount.create({ projectDir: dir, workers: 1 }).then(
        (a) => a.close().then(() => null),
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DeployError);
      expect((error as DeployError).problems.join('\n')).toMatch(
        /\(customscript_suitehooks_employee_ue\)\nDetails: scriptdeployment customdeploy_suitehooks_employee_ue: The title object field/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('each kind of violation is refused, per object type', () => {
  const swap = (file: string, from: string | RegExp, to: string) => problems(source(file).replace(from, to), file);

  test.each([
    [
      'an unknown element on the object',
      UE,
      '<isinactive>F</isinactive>',
      '<isinactive>F</isinactive><colour>red</colour>',
      /The colour object field is invalid or not supported/,
    ],
    [
      'a field of another script type (scheduled deployments have no recordtype)',
      RETRY,
      '<title>suitehooks: retry worker</title>',
      '<title>w</title><recordtype>EMPLOYEE</recordtype>',
      /scriptdeployment customdeploy_suitehooks_retry_worker: The recordtype object field is invalid/,
    ],
    [
      'a required field missing (a scheduled deployment needs a title)',
      RETRY,
      '<title>suitehooks: retry worker</title>',
      '',
      /customdeploy_suitehooks_retry_worker: The title field is required/,
    ],
    [
      'a required field empty (a script needs a name)',
      UE,
      /<name>[^<]*<\/name>/,
      '<name></name>',
      /Details: The name field is required/,
    ],
    [
      'a value not in its list (status)',
      RETRY,
      '<status>NOTSCHEDULED</status>',
      '<status>NOT_SCHEDULED</status>',
      /"NOT_SCHEDULED" is not a valid value for status: see script_status/,
    ],
    [
      'a status the script type does not take (a user event is never Scheduled)',
      UE,
      '<status>RELEASED</status>',
      '<status>SCHEDULED</status>',
      /A usereventscript deployment's status is one of RELEASED, TESTING, not SCHEDULED/,
    ],
    [
      'a Scheduled deployment without a recurrence',
      RETRY,
      '<status>NOTSCHEDULED</status>',
      '<status>SCHEDULED</status>',
      /customdeploy_suitehooks_retry_worker: A SCHEDULED deployment needs a recurrence/,
    ],
    [
      'a repeat interval not in generic_repeat_time',
      RETRY,
      '<repeat>PT15M</repeat>',
      '<repeat>PT10M</repeat>',
      /scriptdeployment customdeploy_suitehooks_retry_ss recurrence daily: "PT10M" is not a valid value for repeat: see generic_repeat_time/,
    ],
    [
      'a start time with seconds',
      RETRY,
      '<starttime>00:00:00Z</starttime>',
      '<starttime>00:00:30Z</starttime>',
      /The starttime field must be a time in HH:mm:00Z format/,
    ],
    [
      'a recurrence with two kinds',
      RETRY,
      '</daily>',
      '</daily><single><startdate>2026-01-01</startdate><starttime>00:00:00Z</starttime></single>',
      /The recurrence field holds exactly one of daily, everyweekday/,
    ],
    [
      'a boolean that is not T or F',
      UE,
      '<isdeployed>T</isdeployed>',
      '<isdeployed>yes</isdeployed>',
      /The isdeployed field must be T or F/,
    ],
    [
      'an execution context that is no SDF value',
      UE,
      '<recordtype>EMPLOYEE</recordtype>',
      '<recordtype>EMPLOYEE</recordtype><executioncontext>USERINTERFACE|TELEPATHY</executioncontext>',
      /"TELEPATHY" is not a valid value for executioncontext: see execution_context \(SDFxml_340964121\)/,
    ],
    [
      'a role that does not exist',
      UE,
      '<runasrole>ADMINISTRATOR</runasrole>',
      '<runasrole>ADMIN</runasrole>',
      /"ADMIN" is not a role for runasrole/,
    ],
    [
      'a deployment id without the customdeploy_ prefix',
      UE,
      'scriptid="customdeploy_suitehooks_employee_ue"',
      'scriptid="deploy_suitehooks_employee_ue"',
      /The scriptid "deploy_suitehooks_employee_ue" must be .*starting with customdeploy_/,
    ],
    [
      'a parameter id over 40 characters',
      UE,
      'scriptid="custscript_suitehooks_allowed_hosts"',
      'scriptid="custscript_suitehooks_allowed_hosts_of_the_receiver"',
      /at most 40 characters, starting with custscript_/,
    ],
    [
      'a value for a parameter the script does not declare',
      UE,
      '<recordtype>EMPLOYEE</recordtype>',
      '<recordtype>EMPLOYEE</recordtype><custscript_suitehooks_nope>x</custscript_suitehooks_nope>',
      /The custscript_suitehooks_nope object field is invalid or not supported \(no such script parameter on customscript_suitehooks_employee_ue\)/,
    ],
    [
      'a script file that is no .js reference',
      UE,
      /<scriptfile>[^<]*<\/scriptfile>/,
      '<scriptfile>/SuiteScripts/suitehooks/suitehooks_employee_ue.ts</scriptfile>',
      /The scriptfile field must reference a .js file/,
    ],
    [
      'a name over 40 characters',
      RETRY,
      /<name>[^<]*<\/name>/,
      `<name>${'x'.repeat(41)}</name>`,
      /The name field value can be up to 40 characters long/,
    ],
    [
      'a field type not in generic_customfield_fieldtype',
      RECORD,
      '<fieldtype>CLOBTEXT</fieldtype>',
      '<fieldtype>LONGTEXT</fieldtype>',
      /customrecordcustomfield custrecord_suitehooks_body: "LONGTEXT" is not a valid value for fieldtype: see generic_customfield_fieldtype \(SDFxml_2791641793\)/,
    ],
    [
      'a SELECT field without the record it selects from',
      RECORD,
      '<fieldtype>CLOBTEXT</fieldtype>',
      '<fieldtype>SELECT</fieldtype>',
      /The selectrecordtype field is required when fieldtype is SELECT/,
    ],
    [
      'an access type not in customrecordtype_accesstype',
      RECORD,
      '<accesstype>USEPERMISSIONLIST</accesstype>',
      '<accesstype>ADMINSONLY</accesstype>',
      /see customrecordtype_accesstype \(SDFxml_4227334961\)/,
    ],
    [
      'a permission level not in generic_permission_level',
      RECORD,
      '<permittedlevel>FULL</permittedlevel>',
      '<permittedlevel>ALL</permittedlevel>',
      /permission: "ALL" is not a valid value for permittedlevel: see generic_permission_level/,
    ],
    [
      'a permission without its level',
      RECORD,
      '<permittedlevel>FULL</permittedlevel>',
      '',
      /permission: The permittedlevel field is required/,
    ],
    [
      'an element repeated',
      RECORD,
      '<showid>T</showid>',
      '<showid>T</showid><showid>F</showid>',
      /The showid field appears more than once/,
    ],
    [
      'a field list holding something else',
      RECORD,
      '</customrecordcustomfields>',
      '<field scriptid="custrecord_x"/></customrecordcustomfields>',
      /The customrecordcustomfields structure holds only customrecordcustomfield elements, not field/,
    ],
  ])('%s', (_what, file, from, to, message) => {
    const found = swap(file, from, to);
    expect(found.join('\n')).toMatch(message);
    expect(
      found.every(
        (p) =>
          p.startsWith('An error occurred during custom object validation. (') &&
          p.includes(`\nFile: ~/Objects/${file}`),
      ),
    ).toBe(true);
  });

  test('a script object needs its feature in the manifest; an object in a file not named after it is refused', () => {
    expect(problems(source(UE), UE, new Set(['CUSTOMRECORDS'])).join('\n')).toMatch(
      /the manifest must define the SERVERSIDESCRIPTING feature/,
    );
    expect(problems(source(UE), 'employee_ue.xml').join('\n')).toMatch(
      /The file name must be the object's script id \(customscript_suitehooks_employee_ue.xml\)/,
    );
  });

  test('an object type the sandbox has no field list of is refused, not ignored', () => {
    expect(
      problems('<workflow scriptid="customworkflow_x"><name>x</name></workflow>', 'customworkflow_x.xml').join('\n'),
    ).toMatch(/workflow is not an object type the sandbox has the SDF field list of/);
  });

  test('map/reduce scripts and Suitelets are checked against their own lists', () => {
    const mapReduce = `<mapreducescript scriptid="customscript_mr"><name>MR</name><scriptfile>[/SuiteScripts/mr.js]</scriptfile>
      <scriptdeployments><scriptdeployment scriptid="customdeploy_mr"><status>NOTSCHEDULED</status><title>MR</title><concurrencylimit>2</concurrencylimit><yieldaftermins>60</yieldaftermins></scriptdeployment></scriptdeployments></mapreducescript>`;
    expect(problems(mapReduce, 'customscript_mr.xml')).toEqual([]);
    expect(
      problems(
        mapReduce.replace('<title>MR</title>', '<title>MR</title><recordtype>EMPLOYEE</recordtype>'),
        'customscript_mr.xml',
      ).join('\n'),
    ).toMatch(/The recordtype object field is invalid/);
    const suitelet = `<suitelet scriptid="customscript_sl"><name>SL</name><scriptfile>[/SuiteScripts/sl.js]</scriptfile>
      <scriptdeployments><scriptdeployment scriptid="customdeploy_sl"><status>RELEASED</status><title>SL</title><isonline>F</isonline><runasrole>ADMINISTRATOR</runasrole><allroles>T</allroles></scriptdeployment></scriptdeployments></suitelet>`;
    expect(problems(suitelet, 'customscript_sl.xml')).toEqual([]);
    expect(problems(suitelet.replace('<title>SL</title>', ''), 'customscript_sl.xml').join('\n')).toMatch(
      /customdeploy_sl: The title field is required/,
    );
    expect(
      problems(suitelet.replace('<allroles>T</allroles>', '<allpartners>T</allpartners>'), 'customscript_sl.xml').join(
        '\n',
      ),
    ).toMatch(/You must specify the CRM feature in the project manifest as required to use the allpartners field/);
  });
});

describe('the manifest', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'suitehooks-manifest-'));
    fs.mkdirSync(path.join(dir, 'Objects'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test.each([
    ['missing', null, /the project has no manifest.xml/],
    [
      'of an unknown project type',
      '<manifest projecttype="BUNDLE"><projectname>x</projectname><frameworkversion>1.0</frameworkversion></manifest>',
      /projecttype must be ACCOUNTCUSTOMIZATION or SUITEAPP/,
    ],
    [
      'without a framework version',
      '<manifest projecttype="ACCOUNTCUSTOMIZATION"><projectname>x</projectname></manifest>',
      /<frameworkversion> is required/,
    ],
    [
      'with an unknown element',
      '<manifest projecttype="ACCOUNTCUSTOMIZATION"><projectname>x</projectname><frameworkversion>1.0</frameworkversion><colour/></manifest>',
      /<colour> is invalid or not supported/,
    ],
  ])('%s: refused', (_what, manifest, message) => {
    if (manifest) fs.writeFileSync(path.join(dir, 'manifest.xml'), manifest);
    expect(validateProject(dir, []).join('\n')).toMatch(message);
  });
});
