/** Building blocks of the console's serverWidget forms: navigation, notices, read-only values, links. */
import * as serverWidget from 'N/ui/serverWidget';
import * as url from 'N/url';
import { DEPLOYMENT, SCRIPT } from '../../core/ids';
import { TOKEN_FIELD } from './csrf';
import { esc } from './format';

export const VIEW_PARAM = 'custparam_view';
/** Hidden on every form: which page a POST comes from (a POST carries the form's fields). */
export const VIEW_FIELD = 'custpage_view';
export type View = 'health' | 'deliveries' | 'delivery' | 'replay_dead' | 'endpoints';

export type Params = Record<string, string | number>;

/** The console's own URL (internal, relative: `/app/site/hosting/scriptlet.nl?script=…&deploy=…&…`). */
export function consoleUrl(view: View, params: Params = {}): string {
  return url.resolveScript({
    scriptId: SCRIPT.console,
    deploymentId: DEPLOYMENT.console,
    params: { ...params, [VIEW_PARAM]: view },
  });
}

export function link(href: string, text: string): string {
  return `<a href="${esc(href)}">${esc(text)}</a>`;
}

const PAGES: [View, string][] = [
  ['health', 'Health'],
  ['deliveries', 'Deliveries'],
  ['endpoints', 'Endpoints'],
  ['replay_dead', 'Replay dead deliveries'],
];

export function html(form: serverWidget.Form, id: string, content: string, container?: string): void {
  const field = form.addField({
    id,
    type: serverWidget.FieldType.INLINEHTML,
    label: id.replace(/^custpage_/, ''),
    ...(container ? { container } : {}),
  });
  field.defaultValue = content;
}

/**
 * A page with the console's navigation, a hidden field naming the page and the form token (csrf.ts);
 * when actions are off (no usable API Secret), the page says why.
 */
export function newForm(title: string, view: View, session: { token: string; off: string }): serverWidget.Form {
  const form = serverWidget.createForm({ title: `suitehooks: ${title}` });
  const nav = PAGES.map(([v, text]) => (v === view ? `<b>${esc(text)}</b>` : link(consoleUrl(v), text))).join(' · ');
  html(form, 'custpage_nav', `<p class="suitehooks-nav">${nav}</p>`);
  hidden(form, VIEW_FIELD, view);
  hidden(form, TOKEN_FIELD, session.token);
  if (session.off)
    notice(form, 'error', [
      `Replay and the test event are off: the console signs its forms with the user event's (or an endpoint record's) API Secret, and ${session.off}.`,
    ]);
  return form;
}

export function hidden(form: serverWidget.Form, id: string, value: string): void {
  const field = form.addField({ id, type: serverWidget.FieldType.TEXT, label: id });
  field.updateDisplayType({ displayType: serverWidget.FieldDisplayType.HIDDEN });
  field.defaultValue = value;
}

export type NoticeKind = 'ok' | 'error' | 'info';

export interface Message {
  kind: NoticeKind;
  lines: string[];
}

/** Notices already on each form: every notice gets a field id of its own (never two fields with one id). */
const NOTICES = new WeakMap<serverWidget.Form, number>();

/** A message at the top of the page; `text` is escaped. */
export function notice(form: serverWidget.Form, kind: NoticeKind, lines: string | string[]): void {
  const n = NOTICES.get(form) ?? 0;
  NOTICES.set(form, n + 1);
  const items = (Array.isArray(lines) ? lines : [lines]).map((l) => `<div>${esc(l)}</div>`).join('');
  html(form, `custpage_notice_${n}`, `<div class="suitehooks-notice suitehooks-${kind}" role="status">${items}</div>`);
}

export function group(form: serverWidget.Form, id: string, label: string): string {
  form.addFieldGroup({ id, label });
  return id;
}

/** A labelled read-only value; `value` is escaped (every shown value may carry text from outside). */
export function show(form: serverWidget.Form, id: string, label: string, value: unknown, container: string): void {
  const field = form.addField({ id, type: serverWidget.FieldType.TEXT, label, container });
  field.updateDisplayType({ displayType: serverWidget.FieldDisplayType.INLINE });
  field.defaultValue = esc(value);
}
