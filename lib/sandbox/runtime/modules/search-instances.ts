/**
 * The Scheduled Script Instance search (`scheduledscriptinstance`, section_3777401104) over the sandbox's
 * task queue: status, datecreated, startdate, enddate, percentcomplete, and the joins `script.scriptid` and
 * `scriptdeployment.scriptid`, as filters (`['script.scriptid', 'is', …]`) and as joined columns.
 */
import type { FieldKind } from '../record-model';
import type { TableSpec } from '../../records/record-types';

const COLUMNS: Record<string, [string, FieldKind]> = {
  status: ['status', 'text'],
  datecreated: ['datecreated', 'datetime'],
  startdate: ['startdate', 'datetime'],
  enddate: ['enddate', 'datetime'],
  percentcomplete: ['percentcomplete', 'float'],
  'script.scriptid': ['script_scriptid', 'text'],
  'scriptdeployment.scriptid': ['deployment_scriptid', 'text'],
};

const TABLE = `(SELECT id, status, submitted AS datecreated, started AS startdate, finished AS enddate,
  CASE WHEN status IN ('COMPLETE', 'FAILED') THEN 100 ELSE 0 END AS percentcomplete,
  script AS script_scriptid, deployment AS deployment_scriptid FROM sandbox_task)`;

export function scheduledScriptInstanceSpec(): TableSpec {
  return {
    type: 'scheduledscriptinstance',
    table: TABLE,
    kind: (id) => COLUMNS[id]?.[1] ?? null,
    column: (id) => (id === 'internalid' || id === 'id' ? 'id' : (COLUMNS[id]?.[0] ?? null)),
    text: () => null,
  };
}
