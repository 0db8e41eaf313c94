/**
 * The documented field list of every SDF object type the project ships or will ship, as data: known
 * elements, required ones, value kinds and lists, script id prefixes and lengths, and the manifest
 * features some fields need. Source: Oracle's SuiteCloud Development Framework XML Reference; each
 * structure names its SDFxml page (or, where the child page id was not looked up, its parent's).
 */
import * as L from './enums';
import type { ValueList } from './enums';

export type ValueKind =
  | { kind: 'boolean' }
  | { kind: 'text'; maxLength?: number }
  | { kind: 'integer'; min?: number; max?: number }
  /** `yyyy-MM-dd` (section_1499269203). */
  | { kind: 'date' }
  /** `HH:mm:00Z` or `HH:mm:00`: SDF keeps no seconds (section_1499269203). */
  | { kind: 'time' }
  /** `[/path/file.js]`. */
  | { kind: 'file' }
  /** A value of an account-wide list or a `[scriptid=…]` reference: checked for form only. */
  | { kind: 'reference' }
  /** A standard role id (customrecordtype_permittedrole / generic_role) or a `[scriptid=customrole…]` reference. */
  | { kind: 'role' }
  | { kind: 'enum'; list: ValueList }
  /** Several values of a list separated by `|`. */
  | { kind: 'multi'; list: ValueList };

export interface FieldSpec {
  value: ValueKind;
  required?: true;
  /** A manifest feature this field needs (SDF: "you must reference the … feature in the manifest"). */
  feature?: string;
}

export interface Structure {
  /** The XML element. */
  element: string;
  page: string;
  /** The `scriptid` attribute, when the structure has one. */
  scriptid?: { prefix: string | null; maxLength: number };
  fields: Readonly<Record<string, FieldSpec>>;
  /** Containers holding a list of one structure (`scriptdeployments` → `scriptdeployment`). */
  lists?: Readonly<Record<string, Structure>>;
  /** A nested structure holding exactly one of these structures (`recurrence` → `daily` | `single` | …). */
  choice?: { element: string; page: string; options: readonly Structure[] };
  /** Parameter values of the parent script (`<custscript_…>` elements) are allowed (deployments). */
  parameterValues?: true;
}

const bool: FieldSpec = { value: { kind: 'boolean' } };
const text = (maxLength?: number): FieldSpec => ({
  value: maxLength === undefined ? { kind: 'text' } : { kind: 'text', maxLength },
});
const ref: FieldSpec = { value: { kind: 'reference' } };
const role: FieldSpec = { value: { kind: 'role' } };
const one = (list: ValueList): FieldSpec => ({ value: { kind: 'enum', list } });
const many = (list: ValueList): FieldSpec => ({ value: { kind: 'multi', list } });
const int = (min?: number, max?: number): FieldSpec => ({
  value: { kind: 'integer', ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) },
});
const required = (f: FieldSpec): FieldSpec => ({ ...f, required: true });
const needs = (feature: string, f: FieldSpec = bool): FieldSpec => ({ ...f, feature });
const id = (prefix: string | null, maxLength = 40) => ({ prefix, maxLength });

// ---- shared by the script types ----------------------------------------------------------------

const customFieldFilter = (page: string): Structure => ({
  element: 'customfieldfilter',
  page,
  fields: {
    fldfilter: required(ref),
    fldfilterchecked: bool,
    fldfiltercomparetype: ref,
    fldfiltersel: ref,
    fldfilterval: text(),
    fldfilternotnull: bool,
    fldfilternull: bool,
    fldcomparefield: ref,
  },
});

const roleAccess = (page: string): Structure => ({
  element: 'roleaccess',
  page,
  fields: {
    role: required(role),
    accesslevel: required(one(L.ACCESS_SEARCH_LEVEL)),
    searchlevel: required(one(L.ACCESS_SEARCH_LEVEL)),
  },
});

/** Fields every custom field structure shares (scriptcustomfield, customrecordcustomfield, entitycustomfield). */
const CUSTOM_FIELD: Record<string, FieldSpec> = {
  fieldtype: required(one(L.FIELD_TYPE)),
  label: required(text(200)),
  selectrecordtype: ref,
  applyformatting: bool,
  defaultchecked: bool,
  defaultselection: ref,
  defaultvalue: text(),
  description: text(),
  displaytype: one(L.DISPLAY_TYPE),
  dynamicdefault: one(L.DYNAMIC_DEFAULT),
  help: text(),
  linktext: text(),
  minvalue: text(),
  maxvalue: text(),
  storevalue: bool,
  accesslevel: one(L.ACCESS_SEARCH_LEVEL),
  checkspelling: bool,
  displayheight: int(0),
  displaywidth: int(0),
  isformula: bool,
  ismandatory: bool,
  maxlength: text(),
  onparentdelete: one(L.ON_PARENT_DELETE),
  searchcomparefield: ref,
  searchdefault: ref,
  searchlevel: one(L.ACCESS_SEARCH_LEVEL),
};

const scriptCustomField = (page: string): Structure => ({
  element: 'scriptcustomfield',
  page,
  scriptid: id('custscript_'),
  fields: { ...CUSTOM_FIELD, setting: one(L.SCRIPT_SETTING) },
  lists: { customfieldfilters: customFieldFilter(page), roleaccesses: roleAccess(page) },
});

/** Fields every script object shares. */
const SCRIPT: Record<string, FieldSpec> = {
  name: required(text(40)),
  scriptfile: required({ value: { kind: 'file' } }),
  description: text(999),
  isinactive: bool,
  notifyadmins: bool,
  notifyemails: text(999),
  notifygroup: text(),
  notifyowner: bool,
};

const plugins = (page: string): Structure => ({ element: 'plugintype', page, fields: { plugintype: required(ref) } });
const library = (page: string): Structure => ({
  element: 'library',
  page,
  fields: { scriptfile: required({ value: { kind: 'file' } }) },
});

/** Audience fields of deployments run by users (user events, Suitelets). */
const AUDIENCE: Record<string, FieldSpec> = {
  allemployees: bool,
  allpartners: needs('CRM'),
  allroles: bool,
  auddepartment: needs('DEPARTMENTS', ref),
  audemployee: ref,
  audgroup: ref,
  audpartner: needs('CRM', ref),
  audslctrole: ref,
  audsubsidiary: needs('SUBSIDIARIES', ref),
};

const start = {
  startdate: required({ value: { kind: 'date' } }),
  starttime: required({ value: { kind: 'time' } }),
} as const;
const ends = { enddate: { value: { kind: 'date' } }, repeat: one(L.REPEAT_TIME) } as const;
const every = required(int(1, 1000));
const weekdays = Object.fromEntries(
  ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'].map((d) => [d, required(bool)]),
);
const ordered = { orderofweek: required(one(L.ORDER_OF_WEEK)), dayofweek: required(one(L.DAY_OF_WEEK)) };

/** The recurrence of Scheduled deployments (scheduled and map/reduce scripts): one event kind; pages by kind where looked up. */
const recurrence = (page: string, pages: Partial<Record<string, string>>): NonNullable<Structure['choice']> => {
  const event = (element: string, fields: Record<string, FieldSpec>): Structure => ({
    element,
    page: pages[element] ?? page,
    fields,
  });
  return {
    element: 'recurrence',
    page,
    options: [
      event('daily', { ...start, everyxdays: every, ...ends }),
      event('everyweekday', { ...start, ...ends }),
      event('monthly', { ...start, everyxmonths: every, ...ends }),
      event('monthlydayofweek', { ...start, ...ordered, everyxmonths: every, ...ends }),
      event('single', { ...start, repeat: one(L.REPEAT_TIME) }),
      event('weekly', { ...start, everyxweeks: every, ...weekdays, ...ends }),
      event('yearly', { ...start, ...ends }),
      event('yearlydayofweek', { ...start, ...ordered, ...ends }),
    ],
  };
};

const BASE_DEPLOYMENT = { status: required(one(L.SCRIPT_STATUS)), isdeployed: bool, loglevel: one(L.SCRIPT_LOGLEVEL) };

// ---- the object types ----------------------------------------------------------------------------

export const USER_EVENT_SCRIPT: Structure = {
  element: 'usereventscript',
  page: 'SDFxml_2716615335',
  scriptid: id('customscript_'),
  fields: {
    ...SCRIPT,
    notifyuser: bool,
    aftersubmitfunction: text(),
    beforeloadfunction: text(),
    beforesubmitfunction: text(),
  },
  lists: {
    customplugintypes: plugins('SDFxml_442703956'),
    libraries: library('SDFxml_3013619113'),
    scriptcustomfields: scriptCustomField('SDFxml_2716615335'),
    scriptdeployments: {
      // No `title`: the user event deployment has none (SDFxml_1334137041).
      element: 'scriptdeployment',
      page: 'SDFxml_1334137041',
      scriptid: id('customdeploy_'),
      fields: {
        ...BASE_DEPLOYMENT,
        recordtype: required(ref),
        ...AUDIENCE,
        eventtype: one(L.SCRIPT_EVENTTYPE),
        runasrole: role,
        alllocalizationcontexts: bool,
        executioncontext: many(L.EXECUTION_CONTEXT),
        localizationcontext: ref,
      },
      parameterValues: true,
    },
  },
};

export const SCHEDULED_SCRIPT: Structure = {
  element: 'scheduledscript',
  page: 'SDFxml_637067724',
  scriptid: id('customscript_'),
  fields: { ...SCRIPT, defaultfunction: text() },
  lists: {
    customplugintypes: plugins('SDFxml_732777833'),
    libraries: library('SDFxml_2323616213'),
    scriptcustomfields: scriptCustomField('SDFxml_637067724'),
    scriptdeployments: {
      element: 'scriptdeployment',
      page: 'SDFxml_637067724',
      scriptid: id('customdeploy_'),
      fields: { ...BASE_DEPLOYMENT, title: required(text()) },
      choice: recurrence('SDFxml_637067724', {
        daily: 'SDFxml_4155912874',
        single: 'SDFxml_1371196976',
        weekly: 'SDFxml_3317777165',
      }),
      parameterValues: true,
    },
  },
};

export const MAP_REDUCE_SCRIPT: Structure = {
  element: 'mapreducescript',
  page: 'SDFxml_3519311208',
  scriptid: id('customscript_'),
  fields: SCRIPT,
  lists: {
    customplugintypes: plugins('SDFxml_1005334606'),
    scriptcustomfields: scriptCustomField('SDFxml_3519311208'),
    scriptdeployments: {
      element: 'scriptdeployment',
      page: 'SDFxml_27094036',
      scriptid: id('customdeploy_'),
      fields: {
        ...BASE_DEPLOYMENT,
        title: required(text()),
        runasrole: role,
        buffersize: text(),
        concurrencylimit: text(),
        queueallstagesatonce: bool,
        yieldaftermins: text(),
      },
      choice: recurrence('SDFxml_27094036', { daily: 'SDFxml_617656060' }),
      parameterValues: true,
    },
  },
};

export const SUITELET: Structure = {
  element: 'suitelet',
  page: 'SDFxml_2909147388',
  scriptid: id('customscript_'),
  fields: { ...SCRIPT, defaultfunction: text(), notifyuser: bool },
  lists: {
    customplugintypes: plugins('SDFxml_2916241383'),
    libraries: library('SDFxml_893738846'),
    scriptcustomfields: scriptCustomField('SDFxml_2909147388'),
    scriptdeployments: {
      element: 'scriptdeployment',
      page: 'SDFxml_2909147388',
      scriptid: id('customdeploy_'),
      fields: {
        ...BASE_DEPLOYMENT,
        title: required(text()),
        ...AUDIENCE,
        eventtype: one(L.SCRIPT_EVENTTYPE),
        isonline: bool,
        runasrole: role,
      },
      lists: {
        links: {
          element: 'link',
          page: 'SDFxml_4286557755',
          fields: { linkcategory: required(ref), linktasktype: one(L.SUITELET_TASK_TYPE), linklabel: text() },
        },
      },
      parameterValues: true,
    },
  },
};

const RECORD_FIELD: Structure = {
  element: 'customrecordcustomfield',
  page: 'SDFxml_2670115109',
  scriptid: id('custrecord_'),
  fields: {
    ...CUSTOM_FIELD,
    encryptatrest: bool,
    globalsearch: bool,
    showinlist: bool,
    sourcefilterby: ref,
    sourcefrom: ref,
    sourcelist: ref,
    isparent: bool,
    parentsubtab: ref,
    subtab: ref,
    allowquickadd: bool,
    rolerestrict: bool,
  },
  lists: { customfieldfilters: customFieldFilter('SDFxml_2670115109'), roleaccesses: roleAccess('SDFxml_3961804206') },
};

export const CUSTOM_RECORD_TYPE: Structure = {
  element: 'customrecordtype',
  page: 'SDFxml_372451363',
  scriptid: id('customrecord_'),
  fields: {
    // recordname is required unless the record is a custom segment's (this project has none).
    recordname: required(text(40)),
    customsegment: needs('CUSTOMSEGMENTS', ref),
    accesstype: one(L.ACCESS_TYPE),
    allowattachments: bool,
    allowinlineediting: bool,
    allowinlinedeleting: bool,
    allowinlinedetaching: bool,
    allowmobileaccess: bool,
    allownumberingoverride: bool,
    allowquickadd: bool,
    allowquicksearch: bool,
    allowuiaccess: bool,
    description: text(),
    enabledle: needs('EXTREMELIST'),
    enablekeywords: bool,
    enablemailmerge: needs('MAILMERGE'),
    enablenametranslation: needs('MULTILANGUAGE'),
    enablenumbering: bool,
    enableoptimisticlocking: bool,
    enablesystemnotes: bool,
    hierarchical: bool,
    numberingprefix: text(),
    numberingsuffix: text(),
    numberingmindigits: text(),
    numberinginit: text(),
    icon: ref,
    iconbuiltin: bool,
    iconindex: one(L.RECORD_ICON),
    includeinsearchmenu: bool,
    includename: bool,
    isinactive: bool,
    isordered: bool,
    showcreationdate: bool,
    showcreationdateonlist: bool,
    showid: bool,
    showlastmodified: bool,
    showlastmodifiedonlist: bool,
    shownotes: bool,
    showowner: bool,
    showownerallowchange: bool,
    showowneronlist: bool,
  },
  lists: {
    customrecordcustomfields: RECORD_FIELD,
    instances: {
      element: 'instance',
      page: 'SDFxml_3518833312',
      scriptid: id(null),
      fields: { altname: text(), name: text(), isinactive: bool, parent: ref },
    },
    links: {
      element: 'link',
      page: 'SDFxml_3571172402',
      fields: { linkcategory: required(ref), linktasktype: required(one(L.RECORD_TASK_TYPE)), linklabel: text() },
    },
    permissions: {
      element: 'permission',
      page: 'SDFxml_2290236535',
      fields: {
        permittedrole: required(role),
        permittedlevel: required(one(L.PERMISSION_LEVEL)),
        restriction: one(L.ROLE_RESTRICT),
      },
    },
    recordsublists: {
      element: 'recordsublist',
      page: 'SDFxml_1165691426',
      scriptid: id(null),
      fields: { recordsearch: required(ref), recorddescr: required(text()), recordtab: ref, recordfield: ref },
    },
    subtabs: {
      element: 'subtab',
      page: 'SDFxml_372451363',
      scriptid: id(null),
      fields: { tabtitle: required(text()), tabparent: ref },
    },
  },
};

export const ENTITY_CUSTOM_FIELD: Structure = {
  element: 'entitycustomfield',
  page: 'SDFxml_1378498284',
  scriptid: id('custentity'),
  fields: {
    ...CUSTOM_FIELD,
    encryptatrest: bool,
    globalsearch: bool,
    showhierarchy: bool,
    showinlist: bool,
    sourcefilterby: ref,
    sourcefrom: ref,
    sourcelist: ref,
    isparent: bool,
    parentsubtab: ref,
    subtab: ref,
    appliestocontact: bool,
    appliestocustomer: bool,
    appliestoemployee: bool,
    appliestogenericrsrc: needs('ADVANCEDJOBS'),
    appliestogroup: bool,
    appliestoothername: bool,
    appliestopartner: needs('CRM'),
    appliestopricelist: bool,
    appliestoproject: needs('JOBS'),
    appliestoprojecttemplate: bool,
    appliestostatement: bool,
    appliestovendor: needs('ACCOUNTING'),
    appliestowebsite: needs('WEBSITE'),
    availableexternally: bool,
    availabletosso: needs('SUITESIGNON'),
  },
  lists: { customfieldfilters: customFieldFilter('SDFxml_1378498284'), roleaccesses: roleAccess('SDFxml_1378498284') },
};

export const CUSTOM_LIST: Structure = {
  element: 'customlist',
  page: 'SDFxml_2476691670',
  scriptid: id('customlist', 38),
  fields: {
    name: required(text(30)),
    description: text(),
    isinactive: bool,
    ismatrixoption: needs('MATRIXITEMS'),
    isordered: bool,
  },
  lists: {
    customvalues: {
      element: 'customvalue',
      page: 'SDFxml_2207840567',
      scriptid: id(null),
      fields: { value: required(text()), abbreviation: text(), isinactive: bool },
    },
  },
};

/** Object types by root element, with the manifest feature each type depends on (its page's "Feature Dependencies"). */
export const OBJECT_TYPES: ReadonlyMap<string, { structure: Structure; feature: string | null }> = new Map(
  (
    [
      [USER_EVENT_SCRIPT, 'SERVERSIDESCRIPTING'],
      [SCHEDULED_SCRIPT, 'SERVERSIDESCRIPTING'],
      [MAP_REDUCE_SCRIPT, 'SERVERSIDESCRIPTING'],
      [SUITELET, 'SERVERSIDESCRIPTING'],
      [CUSTOM_RECORD_TYPE, 'CUSTOMRECORDS'],
      [ENTITY_CUSTOM_FIELD, null],
      [CUSTOM_LIST, null],
    ] as const
  ).map(([structure, feature]) => [structure.element, { structure, feature }]),
);

/** Deployment statuses each script type accepts (chapter_N2998873: Testing/Released are not scheduled-script statuses; section_1508948655). */
export const DEPLOYMENT_STATUSES: ReadonlyMap<string, readonly string[]> = new Map([
  ['usereventscript', ['RELEASED', 'TESTING']],
  ['suitelet', ['RELEASED', 'TESTING']],
  ['scheduledscript', ['NOTSCHEDULED', 'SCHEDULED', 'TESTING']],
  ['mapreducescript', ['NOTSCHEDULED', 'SCHEDULED', 'TESTING']],
]);
