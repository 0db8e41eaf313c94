/**
 * `npm start`'s console: the UI routes on the REST server, an administrator's login link, and the story's
 * last step, a dead delivery replayed from the console (the same HTTP POST its page makes).
 */
import { DELIVERY_FIELD as F, DELIVERY_RECORD, DEPLOYMENT, SCRIPT } from '../core';
import type { SandboxAccount } from './account/account';
import type { WriteContext } from './account/account-types';
import type { Receiver } from './receiver/receiver';
import type { RestServer } from './rest/server';
import { requestSuitelet } from './suitelet/session-request';
import { UiSessions } from './suitelet/sessions';
import { suiteletUrl } from './suitelet/urls';

/** The seeded administrator (employee 1, role Administrator). */
const ADMIN = { userId: '1', roleId: '3' };

export interface ConsoleAccess {
  sessions: UiSessions;
  token: string;
  /** Opens the console logged in as the administrator. */
  loginUrl(serverUrl: string): string;
}

export function consoleAccess(): ConsoleAccess {
  const sessions = new UiSessions();
  const token = sessions.create(ADMIN);
  return {
    sessions,
    token,
    loginUrl: (serverUrl) =>
      `${serverUrl}${sessions.loginPath(token, suiteletUrl(SCRIPT.console, DEPLOYMENT.console))}`,
  };
}

/** The console page's notices, as text. */
function notices(html: string): string[] {
  return [
    ...html.matchAll(/<div class="suitehooks-notice suitehooks-(?:ok|error)"[^>]*>((?:<div>[\s\S]*?<\/div>)+)<\/div>/g),
  ].flatMap(([, lines = '']) =>
    [...lines.matchAll(/<div>([\s\S]*?)<\/div>/g)].map(([, line = '']) =>
      line
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'"),
    ),
  );
}

/** `  2 pending deliveries: <event id> (<last error>); …` for the story's output. */
export function deliveriesLine(account: SandboxAccount, status: 'pending' | 'dead'): string {
  const kept = account.customRecords(DELIVERY_RECORD).filter((d) => d[F.status] === status);
  return `  ${kept.length} ${status} deliver${kept.length === 1 ? 'y' : 'ies'}: ${kept.map((d) => `${String(d[F.eventId])} (${String(d[F.lastError])})`).join('; ')}`;
}

/** The receiver answers 410 once: the event is dead at once; the console replays it; the worker sends it. */
export async function replayFromConsole(
  run: { account: SandboxAccount; receiver: Receiver; server: RestServer; console: ConsoleAccess },
  employeeId: string,
  ctx: WriteContext,
  say: (line: string) => void,
): Promise<void> {
  run.receiver.behave({ kind: 'status', status: 410 });
  try {
    await run.account.updateEmployee(employeeId, { values: { title: 'Principal Engineer' } }, ctx, 'edit');
  } finally {
    run.receiver.setDefault({ kind: 'ok' });
  }
  say(deliveriesLine(run.account, 'dead'));
  say(`  console: Replay dead deliveries, confirmed`);
  const page = await requestSuitelet(
    run.server.url,
    run.console.token,
    { script: SCRIPT.console, deploy: DEPLOYMENT.console },
    {},
    { custpage_view: 'replay_dead', custpage_confirm: 'T' },
  );
  for (const line of notices(page.html)) say(`  console: ${line}`);
  const runs = await run.account.runDue();
  say(
    `  retry worker: ${runs.map((r) => `${r.deploymentId} ${r.status}, ${r.usage} units`).join('; ') || 'nothing ran'}`,
  );
}
