/** The deliveries page: filters, one page of deliveries (newest first) with a selection to replay. */
import * as serverWidget from 'N/ui/serverWidget';
import { EVENT_TYPE_NAMES } from '../../core/record-types';
import { deniedText, esc, formatNextAttempt } from './format';
import { countMatching, filterClause, page, PAGE_SIZE, validFilters, type Filters } from './outbox-sql';
import { count, rows, type Row } from './suiteql';
import type { Session } from './session';
import { consoleUrl, group, html, link, newForm, notice, type Message, type Params } from './widgets';

export const LIST_ID = 'custpage_deliveries';
export const SELECT_FIELD = 'custpage_select';
export const ID_FIELD = 'custpage_id';
export const ACTION_FIELD = 'custpage_action';

/** Filter fields on the form and their URL parameters (GET links keep the filters). */
export const FILTER_FIELDS: { key: keyof Filters; field: string; param: string; label: string }[] = [
  { key: 'status', field: 'custpage_status', param: 'custparam_status', label: 'Status' },
  {
    key: 'employee',
    field: 'custpage_employee',
    param: 'custparam_employee',
    label: 'Record internal id (any user type)',
  },
  { key: 'eventType', field: 'custpage_event_type', param: 'custparam_event_type', label: 'Event type' },
  { key: 'from', field: 'custpage_from', param: 'custparam_from', label: 'Created from (YYYY-MM-DD)' },
  { key: 'to', field: 'custpage_to', param: 'custparam_to', label: 'Created to (YYYY-MM-DD)' },
  { key: 'endpoint', field: 'custpage_endpoint', param: 'custparam_endpoint', label: 'Endpoint (id or parameters)' },
];

export function filterParams(f: Filters): Params {
  const out: Params = {};
  for (const { key, param } of FILTER_FIELDS) if (f[key] !== '') out[param] = f[key];
  return out;
}

const CHOICES: Partial<Record<keyof Filters, string[]>> = {
  status: ['', 'pending', 'dead', 'delivered'],
  eventType: ['', ...EVENT_TYPE_NAMES],
};

function filterFields(form: serverWidget.Form, f: Filters): void {
  const g = group(form, 'custpage_g_filters', 'Filters');
  for (const { key, field, label } of FILTER_FIELDS) {
    const choices = CHOICES[key];
    const input = form.addField({
      id: field,
      type: choices ? serverWidget.FieldType.SELECT : serverWidget.FieldType.TEXT,
      label,
      container: g,
    });
    if (choices)
      for (const c of choices) input.addSelectOption({ value: c, text: c || '(any)', isSelected: c === f[key] });
    else input.defaultValue = f[key];
  }
  const action = form.addField({
    id: ACTION_FIELD,
    type: serverWidget.FieldType.SELECT,
    label: 'Action',
    container: g,
  });
  action.addSelectOption({ value: 'filter', text: 'Apply the filters', isSelected: true });
  action.addSelectOption({ value: 'replay', text: 'Replay the selected deliveries' });
}

/** Built when a page is, not when the file loads: N/* enums are read inside entry points only. */
const columns = (): [string, string, serverWidget.FieldType][] => [
  ['custpage_open', 'Details', serverWidget.FieldType.URL],
  ['custpage_event_id', 'Event ID', serverWidget.FieldType.TEXT],
  ['custpage_type', 'Type', serverWidget.FieldType.TEXT],
  ['custpage_record', 'Record id', serverWidget.FieldType.TEXT],
  ['custpage_state', 'Status', serverWidget.FieldType.TEXT],
  ['custpage_attempts', 'Attempts', serverWidget.FieldType.TEXT],
  ['custpage_http', 'Last HTTP status', serverWidget.FieldType.TEXT],
  ['custpage_error', 'Last error', serverWidget.FieldType.TEXT],
  ['custpage_created', 'Created', serverWidget.FieldType.TEXT],
  ['custpage_next', 'Next attempt', serverWidget.FieldType.TEXT],
];

function list(form: serverWidget.Form, items: Row[]): void {
  const sublist = form.addSublist({ id: LIST_ID, type: serverWidget.SublistType.LIST, label: 'Deliveries' });
  sublist
    .addField({ id: SELECT_FIELD, type: serverWidget.FieldType.CHECKBOX, label: 'Select' })
    .updateDisplayType({ displayType: serverWidget.FieldDisplayType.ENTRY });
  sublist.addField({ id: ID_FIELD, type: serverWidget.FieldType.TEXT, label: 'ID' });
  for (const [id, label, type] of columns()) {
    const field = sublist.addField({ id, type, label });
    if (type === serverWidget.FieldType.URL) field.linkText = 'Open';
  }
  items.forEach((row, line) => {
    const values: [string, unknown][] = [
      [ID_FIELD, row.id],
      ['custpage_open', consoleUrl('delivery', { custparam_id: String(row.id) })],
      ['custpage_event_id', row.event_id],
      ['custpage_type', row.event_type],
      ['custpage_record', row.record_id],
      ['custpage_state', row.status],
      ['custpage_attempts', row.attempts],
      ['custpage_http', row.last_http_status],
      ['custpage_error', row.last_error],
      ['custpage_created', row.created],
      ['custpage_next', formatNextAttempt(String(row.next_attempt ?? ''), String(row.status ?? ''))],
    ];
    for (const [id, value] of values) {
      if (value === null || value === undefined || value === '') continue;
      // The URL column is escaped by the page as a link; text columns are escaped here.
      sublist.setSublistValue({ id, line, value: id === 'custpage_open' ? String(value) : esc(value) });
    }
  });
}

function pager(
  form: serverWidget.Form,
  f: Filters,
  items: Row[],
  hasMore: boolean,
  total: number,
  cursor: { before?: number; after?: number },
): void {
  const base = filterParams(f);
  const links: string[] = [`${total} matching`];
  const first = items[0]?.id;
  const last = items[items.length - 1]?.id;
  if (cursor.before !== undefined || (cursor.after !== undefined && hasMore))
    links.push(link(consoleUrl('deliveries', base), 'Newest'));
  if (first !== undefined && (cursor.before !== undefined || (cursor.after !== undefined && hasMore)))
    links.push(link(consoleUrl('deliveries', { ...base, custparam_after: String(first) }), 'Newer'));
  if (last !== undefined && (cursor.after !== undefined || hasMore))
    links.push(link(consoleUrl('deliveries', { ...base, custparam_before: String(last) }), 'Older'));
  html(form, 'custpage_pager', `<p class="suitehooks-pager">${links.join(' · ')} (${PAGE_SIZE} a page)</p>`);
}

/** 20 units: a count and one page, whatever the outbox's size. */
export function deliveriesPage(
  f: Filters,
  cursor: { before?: number; after?: number },
  message: Message | null,
  session: Session,
): serverWidget.Form {
  const form = newForm('Deliveries', 'deliveries', session);
  const { errors } = filterClause(f);
  if (message) notice(form, message.kind, message.lines);
  if (errors.length > 0)
    notice(
      form,
      'error',
      errors.map((e) => `Filter ignored: ${e}`),
    );
  // Only validated values are echoed into the fields and the paging links; a bad one is named above.
  const valid = validFilters(f);
  filterFields(form, valid);
  let items: Row[];
  let total: number;
  try {
    items = rows(page(f, cursor));
    total = count(countMatching(f));
  } catch (e) {
    notice(form, 'error', `Deliveries: ${deniedText(e)}.`);
    return form;
  }
  const hasMore = items.length > PAGE_SIZE;
  items = items.slice(0, PAGE_SIZE);
  if (cursor.after !== undefined) items.reverse();
  pager(form, valid, items, hasMore, total, cursor);
  list(form, items);
  form.addSubmitButton({ label: 'Submit' });
  return form;
}
