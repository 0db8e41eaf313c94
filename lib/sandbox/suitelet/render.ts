/**
 * Renders a serverWidget form as an HTML page in NetSuite's manner: title, field groups, sublists, one
 * submit button; the form posts to the Suitelet's own URL. Field and sublist values are written as given
 * (HTML), as INLINEHTML is: Oracle does not document escaping them, so the script must escape what it shows
 * (the strict reading). Input values and attributes are escaped, as any page does.
 */
import type { FieldModel, FormModel, SublistModel } from '../runtime/modules/ui-serverwidget';
import { sublistParam } from './request';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESC[c] ?? c);
}

/** Links only to relative or http(s) URLs. */
function safeHref(url: string): string {
  return /^(\/|https?:\/\/)/i.test(url) ? escapeHtml(url) : '#';
}

const STYLE = `body{font-family:Arial,Helvetica,sans-serif;font-size:13px;margin:0;color:#262626;background:#fff}
header{background:#24385b;color:#fff;padding:8px 16px;font-size:14px}header b{letter-spacing:.5px}
main{padding:12px 16px}h1{font-size:20px;font-weight:normal;margin:6px 0 12px}
fieldset{border:0;border-top:1px solid #d6d6d6;margin:14px 0 4px;padding:6px 0}legend{font-weight:bold;color:#4d5f79;padding-right:8px}
.fld{display:flex;margin:3px 0}.fld label{width:230px;color:#6f6f6f;text-transform:uppercase;font-size:11px;padding-top:2px}
table.list{border-collapse:collapse;margin-top:8px;width:100%}table.list th{background:#e5e5e5;text-align:left;font-size:11px;padding:4px 6px;text-transform:uppercase}
table.list td{border-bottom:1px solid #eee;padding:3px 6px;vertical-align:top;max-width:340px;overflow-wrap:break-word}
button{background:#1d6bd1;color:#fff;border:0;border-radius:3px;padding:6px 14px;font-weight:bold;margin:10px 0}
.suitehooks-notice{padding:8px 10px;margin:8px 0;border-radius:3px}.suitehooks-ok{background:#e3f4dd}.suitehooks-error{background:#fbe3e1}.suitehooks-info{background:#eef3fb}
pre{background:#f6f6f6;padding:8px;overflow:auto;max-height:420px}table.suitehooks-counts th{text-align:left;padding-right:16px;font-weight:normal;color:#6f6f6f}`;

function input(field: FieldModel, name: string, value: string): string {
  const n = escapeHtml(name);
  switch (field.type) {
    case 'CHECKBOX':
      return `<input type="checkbox" name="${n}" id="${n}" value="T"${value === 'T' ? ' checked' : ''} aria-label="${escapeHtml(field.label)}">`;
    case 'SELECT':
      return `<select name="${n}" id="${n}">${field.options.map((o) => `<option value="${escapeHtml(o.value)}"${o.isSelected ? ' selected' : ''}>${escapeHtml(o.text)}</option>`).join('')}</select>`;
    default:
      return `<input type="text" name="${n}" id="${n}" value="${escapeHtml(value)}">`;
  }
}

function bodyField(field: FieldModel): string {
  if (field.displayType === 'HIDDEN' || field.displayType === 'NODISPLAY')
    return `<input type="hidden" name="${escapeHtml(field.id)}" value="${escapeHtml(field.defaultValue)}">`;
  if (field.type === 'INLINEHTML')
    return `<div class="inlinehtml" data-field="${escapeHtml(field.id)}">${field.defaultValue}</div>`;
  const shown =
    field.displayType === 'INLINE' || field.displayType === 'READONLY' || field.displayType === 'DISABLED'
      ? `<span data-field="${escapeHtml(field.id)}">${field.defaultValue}</span>`
      : input(field, field.id, field.defaultValue);
  return `<div class="fld"><label for="${escapeHtml(field.id)}">${escapeHtml(field.label)}</label>${shown}</div>`;
}

function cell(sublist: SublistModel, field: FieldModel, line: number, value: string): string {
  const name = sublistParam(sublist.id, line, field.id);
  if (field.type === 'CHECKBOX' && field.displayType === 'ENTRY') return input(field, name, value);
  const carried = `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;
  if (field.type === 'URL')
    return value === '' ? '' : `<a href="${safeHref(value)}">${escapeHtml(field.linkText || value)}</a>`;
  return `${value}${carried}`;
}

function sublistTable(sublist: SublistModel): string {
  const fields = sublist.fields.filter((f) => f.displayType !== 'HIDDEN');
  const hidden = sublist.fields.filter((f) => f.displayType === 'HIDDEN');
  const lines = [...sublist.lines.keys()].sort((a, b) => a - b);
  const rows = lines.map((line) => {
    const values = sublist.lines.get(line) ?? new Map<string, string>();
    const carried = hidden
      .map(
        (f) =>
          `<input type="hidden" name="${escapeHtml(sublistParam(sublist.id, line, f.id))}" value="${escapeHtml(values.get(f.id) ?? '')}">`,
      )
      .join('');
    return `<tr data-line="${line}">${fields.map((f, i) => `<td>${cell(sublist, f, line, values.get(f.id) ?? '')}${i === 0 ? carried : ''}</td>`).join('')}</tr>`;
  });
  const head = fields.map((f) => `<th>${escapeHtml(f.label)}</th>`).join('');
  const empty = rows.length === 0 ? `<tr><td colspan="${fields.length}">No records to show.</td></tr>` : '';
  return `<h2>${escapeHtml(sublist.label)}</h2><table class="list" id="${escapeHtml(sublist.id)}"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}${empty}</tbody></table>`;
}

export function renderPage(form: FormModel, selfUrl: string, account: string): string {
  const loose = form.fields
    .filter((f) => f.container === null)
    .map(bodyField)
    .join('\n');
  const groups = form.groups
    .map(
      (g) =>
        `<fieldset id="${escapeHtml(g.id)}"><legend>${escapeHtml(g.label)}</legend>${form.fields
          .filter((f) => f.container === g.id)
          .map(bodyField)
          .join('\n')}</fieldset>`,
    )
    .join('\n');
  const submit =
    form.submitLabel === null ? '' : `<button type="submit" id="submitter">${escapeHtml(form.submitLabel)}</button>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(form.title)}</title><style>${STYLE}</style></head>
<body><header><b>NetSuite</b> · sandbox account ${escapeHtml(account)}</header><main><h1>${escapeHtml(form.title)}</h1>
<form method="POST" action="${safeHref(selfUrl)}">${submit}
${loose}
${groups}
${form.sublists.map(sublistTable).join('\n')}
</form></main></body></html>`;
}

/** NetSuite's error page: the message only (a script error shows its code, never values). */
export function renderError(title: string, message: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><header><b>NetSuite</b></header><main><h1>${escapeHtml(title)}</h1><p id="error-message">${escapeHtml(message)}</p></main></body></html>`;
}
