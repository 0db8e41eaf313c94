/** Replay of every dead delivery, behind a confirmation; a batch per submit within governance. */
import * as serverWidget from 'N/ui/serverWidget';
import { deadCount } from './outbox-sql';
import { DEAD_BATCH } from './replay';
import { deniedText, plural } from './format';
import type { Session } from './session';
import { count } from './suiteql';
import { group, newForm, notice, type Message } from './widgets';

export const CONFIRM_FIELD = 'custpage_confirm';

/** 10 units. */
export function replayDeadPage(message: Message | null, session: Session): serverWidget.Form {
  const form = newForm('Replay dead deliveries', 'replay_dead', session);
  if (message) notice(form, message.kind, message.lines);
  let dead: string;
  try {
    dead = `${plural(count(deadCount()), 'dead delivery', 'dead deliveries')}.`;
  } catch (e) {
    notice(form, 'error', `Dead deliveries: ${deniedText(e)}.`);
    return form;
  }
  const g = group(form, 'custpage_g_replay', 'Replay');
  notice(form, 'info', [
    dead,
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
