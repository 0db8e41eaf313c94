/** Replay of every dead delivery, behind a confirmation; a batch per submit within governance. */
import * as serverWidget from 'N/ui/serverWidget';
import { deadCount } from './outbox-sql';
import { DEAD_BATCH } from './replay';
import { plural } from './format';
import { count } from './suiteql';
import { group, newForm, notice, type NoticeKind } from './widgets';

export const CONFIRM_FIELD = 'custpage_confirm';

/** 10 units. */
export function replayDeadPage(message: { kind: NoticeKind; lines: string[] } | null): serverWidget.Form {
  const form = newForm('Replay dead deliveries', 'replay_dead');
  if (message) notice(form, message.kind, message.lines);
  const dead = count(deadCount());
  const g = group(form, 'custpage_g_replay', 'Replay');
  notice(form, 'info', [
    `${plural(dead, 'dead delivery', 'dead deliveries')}.`,
    `A replay keeps each delivery's webhook-id and body, sets it pending with a full retry schedule (attempts 0, next attempt now) and starts the retry worker, which signs it afresh.`,
    `Up to ${DEAD_BATCH} are replayed per submit (a Suitelet has 1,000 governance units); submit again for the rest.`,
  ]);
  const confirm = form.addField({
    id: CONFIRM_FIELD,
    type: serverWidget.FieldType.CHECKBOX,
    label: `Yes, replay the dead deliveries`,
    container: g,
  });
  confirm.defaultValue = 'F';
  form.addSubmitButton({ label: 'Replay dead deliveries' });
  return form;
}
