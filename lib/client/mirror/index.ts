/** The identity mirror: events and reconciliation applied to SQLite or Postgres (docs/mirror.md). */
export { applyEvent, type ApplyOutcome } from './apply-event';
export { databaseSeenStore, databaseSequenceStore, pruneSeen } from './handler-stores';
export { migrate, MIGRATIONS, schemaVersion } from './migrations';
export { describeDatabase, isPostgresUrl, openMirrorStore } from './open';
export { accessChanges, planEvent, type AccessChange, type AccessChangeKind, type Plan } from './plan';
export { createMirrorHandler, type MirrorHandlerOptions } from './receiver';
export { reconcile, type ReconcileClient, type ReconcileOptions, type ReconcileReport } from './reconcile';
export type { MirrorState } from './record-state';
export { openPostgresStore } from './postgres-store';
export { openSqliteStore } from './sqlite-store';
export type { Dialect, Query, QueryResult, SqlStore } from './sql-store';
