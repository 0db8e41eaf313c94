/**
 * Scheduled deployments' recurrences on the account clock: which deployments are due, and when they are
 * due next. A missed slot runs once, not once per missed slot, as NetSuite's scheduler does.
 */
import type { ScriptObject } from '../sdf/objects-xml';

const DAY = 86_400_000;

/** `PT15M`, `PT1H`, `PT2H30M` → ms. */
export function parseDuration(text: string): number | null {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/i.exec(text.trim());
  if (!m) return null;
  const [d = 0, h = 0, min = 0, s = 0] = m.slice(1).map((x) => Number(x ?? 0));
  const ms = ((d * 24 + h) * 60 + min) * 60_000 + s * 1000;
  return ms > 0 ? ms : null;
}

export interface Schedule {
  scriptId: string;
  deploymentId: string;
  /** First slot, epoch ms (UTC). */
  anchor: number;
  /** Interval between slots, or null for a single run. */
  period: number | null;
  end: number | null;
}

function parseStart(date: string | null, time: string | null): number {
  const day = date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : '2000-01-01';
  const clock = time && /^\d{2}:\d{2}(:\d{2})?/.test(time) ? time.slice(0, 8).padEnd(8, ':00').slice(0, 8) : '00:00:00';
  return Date.parse(`${day}T${clock}Z`);
}

/** The recurrences of deployed Scheduled deployments: only status SCHEDULED runs on a schedule (section_460871520995). */
export function schedulesOf(scripts: readonly ScriptObject[]): Schedule[] {
  const out: Schedule[] = [];
  for (const script of scripts) {
    if (script.type !== 'scheduledscript' || script.isInactive) continue;
    for (const d of script.deployments) {
      if (!d.recurrence || !d.isDeployed || d.status !== 'SCHEDULED') continue;
      const r = d.recurrence;
      const repeat = r.repeat ? parseDuration(r.repeat) : null;
      const period = repeat ?? (r.kind === 'single' ? null : r.everyXDays * DAY);
      out.push({
        scriptId: script.id,
        deploymentId: d.id,
        anchor: parseStart(r.startDate, r.startTime),
        period,
        end: r.endDate ? parseStart(r.endDate, '23:59:59') : null,
      });
    }
  }
  return out;
}

/** The first slot at or after `t`, or null when the schedule has ended. */
export function nextSlot(s: Schedule, t: number): number | null {
  let slot: number;
  if (t <= s.anchor) slot = s.anchor;
  else if (s.period === null) return null;
  else slot = s.anchor + Math.ceil((t - s.anchor) / s.period) * s.period;
  return s.end !== null && slot > s.end ? null : slot;
}
