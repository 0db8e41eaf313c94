/**
 * The retry timer: the Scheduled deployment, run every 15 minutes by NetSuite. It sends no delivery; when
 * anything is due it starts the worker, which a Scheduled deployment cannot do for itself (task submit
 * starts only a Not Scheduled deployment: section_460871520995, section_1508948669). It also emails the
 * alerts its own parameters ask for (alerts.ts).
 */
import { checkAlerts } from './alerts';
import { anyDue } from './due-deliveries';
import { disableFailingEndpoints } from './endpoint-disable';
import { startWorker } from './worker-task';

const TITLE = 'suitehooks retry timer';

/** 10 units for failing endpoints (endpoint-disable.ts), 10–20 to look, 20 more to start the worker; alerts only when configured (alerts.ts). */
export function runTimer(): void {
  disableFailingEndpoints(Date.now());
  if (anyDue(Date.now())) startWorker(TITLE, 'deliveries are due');
  checkAlerts();
}
