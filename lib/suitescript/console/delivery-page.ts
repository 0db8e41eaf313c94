/** One delivery: its state, attempts, last error, target (secret ids, never values) and body (pretty JSON). */
import * as record from 'N/record';
import type * as serverWidget from 'N/ui/serverWidget';
import { DELIVERY_FIELD as F, DELIVERY_RECORD, DELIVERY_STATUS } from '../../core/delivery-record';
import { deniedText, esc, formatInstant, formatNextAttempt, prettyJson, redactEndpoint } from './format';
import type { Session } from './session';
import { group, hidden, html, newForm, notice, show, type Message } from './widgets';

export const DELIVERY_ID_FIELD = 'custpage_delivery';

function text(rec: record.Record, fieldId: string): string {
  const v = rec.getValue({ fieldId });
  if (v instanceof Date) return formatInstant(v);
  return v === null || v === undefined ? '' : String(v);
}

/** 2 units (one load). */
export function deliveryPage(id: string, message: Message | null, session: Session): serverWidget.Form {
  const form = newForm(`Delivery ${id}`, 'delivery', session);
  if (message) notice(form, message.kind, message.lines);
  let rec: record.Record;
  try {
    rec = record.load({ type: DELIVERY_RECORD, id });
  } catch (e) {
    notice(form, 'error', `Delivery ${id}: ${deniedText(e)}.`);
    return form;
  }
  hidden(form, DELIVERY_ID_FIELD, id);
  const g = group(form, 'custpage_g_delivery', 'Delivery');
  const rows: [string, string, string][] = [
    ['custpage_d_event', 'Event ID (webhook-id)', text(rec, F.eventId)],
    ['custpage_d_type', 'Event type', text(rec, F.eventType)],
    ['custpage_d_record', 'Record', `${text(rec, F.recordType)} ${text(rec, F.recordId)}`.trim()],
    ['custpage_d_status', 'Status', text(rec, F.status)],
    ['custpage_d_attempts', 'Attempts', text(rec, F.attempts) || '0'],
    ['custpage_d_next', 'Next attempt', formatNextAttempt(text(rec, F.nextAttempt), text(rec, F.status)) || '-'],
    ['custpage_d_http', 'Last HTTP status', text(rec, F.lastHttpStatus) || '-'],
    ['custpage_d_error', 'Last error', text(rec, F.lastError) || '-'],
    ['custpage_d_created', 'Created', text(rec, 'created')],
    ['custpage_d_modified', 'Last modified', text(rec, 'lastmodified')],
    ['custpage_d_endpoint', 'Endpoint', redactEndpoint(text(rec, F.endpointUrl))],
    [
      'custpage_d_secret',
      'API Secret ids',
      [text(rec, F.secretId), text(rec, F.prevSecretId)].filter(Boolean).join(', '),
    ],
  ];
  for (const [fid, label, value] of rows) show(form, fid, label, value, g);
  html(
    form,
    'custpage_d_body',
    `<h3>Body</h3><pre class="suitehooks-body" id="delivery-body">${esc(prettyJson(text(rec, F.body)))}</pre>`,
  );
  // A delivered one is not replayed (replay.ts): no button that could only be refused.
  if (text(rec, F.status) === DELIVERY_STATUS.delivered)
    html(
      form,
      'custpage_d_delivered',
      '<p class="suitehooks-note" id="delivered-note">Delivered: not offered for replay (receivers ignore a webhook-id they already have).</p>',
    );
  else form.addSubmitButton({ label: 'Replay this delivery' });
  return form;
}
