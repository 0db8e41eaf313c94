/**
 * `N/ui/serverWidget` for Suitelets: forms with field groups, body fields, LIST sublists and a submit
 * button (section_4325835149, section_4339569512, section_456415649413). What a script builds is kept as
 * a model the Suitelet host renders (lib/sandbox/suitelet/render.ts). Ids, types and containers are
 * checked as Oracle documents them; anything else is refused.
 */
import type { ScriptEnv } from '../script-env';

const enumOf = (names: string[]) => Object.freeze(Object.fromEntries(names.map((n) => [n, n])));

export const FIELD_TYPE = enumOf([
  'CHECKBOX',
  'CURRENCY',
  'DATE',
  'DATETIMETZ',
  'EMAIL',
  'FILE',
  'FLOAT',
  'HELP',
  'INLINEHTML',
  'INTEGER',
  'IMAGE',
  'LABEL',
  'LONGTEXT',
  'MULTISELECT',
  'PASSPORT',
  'PERCENT',
  'PHONE',
  'SELECT',
  'RADIO',
  'RICHTEXT',
  'TEXT',
  'TEXTAREA',
  'TIMEOFDAY',
  'URL',
]);
const DISPLAY_TYPE = enumOf(['DISABLED', 'ENTRY', 'HIDDEN', 'INLINE', 'NODISPLAY', 'NORMAL', 'READONLY']);
const SUBLIST_TYPE = enumOf(['EDITOR', 'INLINEEDITOR', 'LIST', 'STATICLIST']);
/** Types Sublist.addField does not take (section_456415649413). */
const NOT_IN_SUBLISTS = new Set([
  'DATETIME',
  'FILE',
  'HELP',
  'INLINEHTML',
  'LABEL',
  'LONGTEXT',
  'MULTISELECT',
  'RADIO',
  'RICHTEXT',
]);
/** What the sandbox renders; the other documented types are refused rather than shown wrongly. */
const RENDERED = new Set(['CHECKBOX', 'INLINEHTML', 'SELECT', 'TEXT', 'URL']);

export interface FieldModel {
  id: string;
  type: string;
  label: string;
  container: string | null;
  displayType: string;
  defaultValue: string;
  linkText: string;
  options: { value: string; text: string; isSelected: boolean }[];
}

export interface SublistModel {
  id: string;
  type: string;
  label: string;
  fields: FieldModel[];
  lines: Map<number, Map<string, string>>;
}

export interface FormModel {
  title: string;
  groups: { id: string; label: string }[];
  fields: FieldModel[];
  sublists: SublistModel[];
  submitLabel: string | null;
}

const MODELS = new WeakMap<object, FormModel>();

/** The model behind a Form a script built, or null for anything else. */
export function formModel(form: unknown): FormModel | null {
  return form && typeof form === 'object' ? (MODELS.get(form) ?? null) : null;
}

function opts(o: unknown): Record<string, unknown> {
  return (o ?? {}) as Record<string, unknown>;
}

/** Argument checks shared by the module's objects, raising NetSuite-shaped errors in the script's realm. */
class Checks {
  constructor(private readonly env: ScriptEnv) {}

  raise(name: string, message: string): Error {
    return this.env.raise(name, message);
  }

  need(o: Record<string, unknown>, ...names: string[]): void {
    for (const n of names)
      if (o[n] === undefined || o[n] === null || o[n] === '')
        throw this.raise('SSS_MISSING_REQD_ARGUMENT', `Missing a required argument: ${n}`);
  }

  custpageId(id: unknown): string {
    const text = String(id);
    if (!/^custpage[a-z0-9_]*$/.test(text))
      throw this.raise(
        'SSS_INVALID_UI_OBJECT_ID',
        `The id ${text.slice(0, 60)} must be lowercase, without spaces, and start with custpage.`,
      );
    return text;
  }

  typeOf(type: unknown, allowed: Record<string, string>, what: string): string {
    const t = String(type).toUpperCase();
    if (!(t in allowed)) throw this.raise('SSS_INVALID_TYPE_ARG', `Invalid ${what} type: ${String(type)}`);
    return t;
  }

  field(o: Record<string, unknown>, inSublist: boolean, groups: { id: string }[]): FieldModel {
    this.need(o, 'id', 'label', 'type');
    const type = this.typeOf(o.type, FIELD_TYPE, 'field');
    if (inSublist && NOT_IN_SUBLISTS.has(type))
      throw this.raise('SSS_INVALID_FIELD_TYPE', `A sublist field cannot be of type ${type}.`);
    if (!RENDERED.has(type)) throw this.raise('SSS_INVALID_FIELD_TYPE', `The sandbox does not render ${type} fields.`);
    const container =
      o.container === undefined || o.container === null || o.container === '' ? null : String(o.container);
    if (container !== null && !groups.some((g) => g.id === container))
      throw this.raise('SSS_INVALID_CONTAINER', `No field group or tab ${container} on this form.`);
    return {
      id: this.custpageId(o.id),
      type,
      label: String(o.label),
      container,
      displayType: 'NORMAL',
      defaultValue: '',
      linkText: '',
      options: [],
    };
  }
}

/** serverWidget.Field over its model. */
function fieldApi(checks: Checks, model: FieldModel): Record<string, unknown> {
  const api: Record<string, unknown> = {
    id: model.id,
    type: model.type,
    label: model.label,
    updateDisplayType(o: unknown) {
      checks.need(opts(o), 'displayType');
      model.displayType = checks.typeOf(opts(o).displayType, DISPLAY_TYPE, 'display');
      return api;
    },
    addSelectOption(o: unknown) {
      const { value, text, isSelected } = opts(o);
      if (model.type !== 'SELECT')
        throw checks.raise(
          'SSS_INVALID_FIELD_TYPE',
          `addSelectOption needs a SELECT field (${model.id} is ${model.type}).`,
        );
      if (value === undefined || text === undefined)
        throw checks.raise('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: value, text');
      model.options.push({ value: String(value), text: String(text), isSelected: isSelected === true });
    },
    setHelpText: () => api,
  };
  Object.defineProperty(api, 'defaultValue', {
    get: () => model.defaultValue,
    set: (v: unknown) => (model.defaultValue = v === null || v === undefined ? '' : String(v)),
    enumerable: true,
  });
  Object.defineProperty(api, 'linkText', {
    get: () => model.linkText,
    set: (v: unknown) => (model.linkText = String(v ?? '')),
    enumerable: true,
  });
  return api;
}

/** serverWidget.Sublist over its model. */
function sublistApi(checks: Checks, sublist: SublistModel): Record<string, unknown> {
  return {
    addField(f: unknown) {
      const field = checks.field(opts(f), true, []);
      sublist.fields.push(field);
      return fieldApi(checks, field);
    },
    setSublistValue(v: unknown) {
      const { id, line, value } = opts(v);
      if (id === undefined || line === undefined || value === undefined)
        throw checks.raise('SSS_MISSING_REQD_ARGUMENT', 'Missing a required argument: id, line, value');
      const n = Number(line);
      if (!Number.isInteger(n) || n < 0)
        throw checks.raise('SSS_INVALID_SUBLIST_OPERATION', `Invalid line ${String(line)}.`);
      if (!sublist.fields.some((fd) => fd.id === String(id)))
        throw checks.raise('SSS_INVALID_SUBLIST_OPERATION', `No field ${String(id)} on sublist ${sublist.id}.`);
      const values = sublist.lines.get(n) ?? new Map<string, string>();
      sublist.lines.set(n, values.set(String(id), String(value)));
    },
    get lineCount() {
      return sublist.lines.size;
    },
  };
}

/** serverWidget.Form over its model (kept for the host, which renders it). */
function formApi(checks: Checks, model: FormModel): Record<string, unknown> {
  const ids = new Set<string>();
  const unique = (id: string) => {
    if (ids.has(id)) throw checks.raise('SSS_DUPLICATE_UI_OBJECT_ID', `The id ${id} is used twice on this form.`);
    ids.add(id);
    return id;
  };
  const form = {
    get title() {
      return model.title;
    },
    addFieldGroup(g: unknown) {
      checks.need(opts(g), 'id', 'label');
      const group = { id: unique(String(opts(g).id)), label: String(opts(g).label) };
      model.groups.push(group);
      return {
        label: group.label,
        isSingleColumn: false,
        isCollapsible: false,
        isCollapsed: false,
        isBorderHidden: false,
      };
    },
    addField(f: unknown) {
      const field = checks.field(opts(f), false, model.groups);
      unique(field.id);
      model.fields.push(field);
      return fieldApi(checks, field);
    },
    addSublist(s: unknown) {
      checks.need(opts(s), 'id', 'label', 'type');
      const sublist: SublistModel = {
        id: unique(checks.custpageId(opts(s).id)),
        type: checks.typeOf(opts(s).type, SUBLIST_TYPE, 'sublist'),
        label: String(opts(s).label),
        fields: [],
        lines: new Map(),
      };
      if (sublist.type !== 'LIST')
        throw checks.raise('SSS_INVALID_SUBLIST_TYPE', 'The sandbox renders LIST sublists only.');
      model.sublists.push(sublist);
      return sublistApi(checks, sublist);
    },
    addSubmitButton(b?: unknown) {
      model.submitLabel = String(opts(b).label ?? 'Submit');
      return { label: model.submitLabel, isDisabled: false, isHidden: false };
    },
  };
  MODELS.set(form, model);
  return form;
}

export function createServerWidgetModule(env: ScriptEnv): Record<string, unknown> {
  const checks = new Checks(env);
  return {
    createForm(o: unknown) {
      checks.need(opts(o), 'title');
      return formApi(checks, { title: String(opts(o).title), groups: [], fields: [], sublists: [], submitLabel: null });
    },
    FieldType: FIELD_TYPE,
    FieldDisplayType: DISPLAY_TYPE,
    SublistType: SUBLIST_TYPE,
  };
}
