/**
 * Suitelet URLs as NetSuite shapes them: `/app/site/hosting/scriptlet.nl?script=<script>&deploy=<deployment>`
 * plus parameters (section_4358672433, bridgehead_1524084097). The sandbox names script and deployment by
 * their script ids (NetSuite also shows numeric internal ids); the domain is the sandbox's UI host.
 */
import type { Db } from '../account/store';

export const SUITELET_PATH = '/app/site/hosting/scriptlet.nl';

export function suiteletUrl(scriptId: string, deploymentId: string, params: Record<string, unknown> = {}): string {
  const query = new URLSearchParams({ script: scriptId, deploy: deploymentId });
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && k !== 'script' && k !== 'deploy') query.append(k, String(v));
  return `${SUITELET_PATH}?${query.toString()}`;
}

const SETTINGS = 'CREATE TABLE IF NOT EXISTS sandbox_setting (key TEXT PRIMARY KEY, value TEXT NOT NULL)';

/** The UI host name `url.resolveDomain` answers (the REST server's host once it listens). */
export function setUiDomain(db: Db, domain: string): void {
  db.exec(SETTINGS);
  db.prepare(
    'INSERT INTO sandbox_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run('ui_domain', domain);
}

/** NetSuite's answer shape (`<accountID>.app.netsuite.com`, section_4834765371) until the sandbox serves its UI. */
export function uiDomain(db: Db, accountId: string): string {
  db.exec(SETTINGS);
  const value = db.prepare(`SELECT value FROM sandbox_setting WHERE key = 'ui_domain'`).pluck().get() as
    string | undefined;
  return value ?? `${accountId.toLowerCase().replace(/_/g, '-')}.app.netsuite.com`;
}
