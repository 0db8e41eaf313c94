/** suitehooks client: a typed NetSuite REST client and webhook receiver helpers. */
export { parseAccountId, restBaseUrl, type AccountId } from './account-id';
export {
  applyRow,
  BULK_ACTIONS,
  BulkInputError,
  fingerprint,
  rowKey,
  runBulk,
  type BulkAction,
  type BulkOptions,
  type BulkResult,
  type BulkRow,
  type BulkTotals,
} from './bulk';
export { bulkInputProblems } from './bulk-check';
export { fileIdentity, finishedRows, runMarkerLine, type RunMarker } from './bulk-results';
export { createClient, recordsOf, TOKEN_PATH, type ClientOptions, type NetSuiteClient } from './client';
export { configFromEnv, configFromFile, ConfigError, type AuthConfig, type ClientConfig } from './config';
export { Employees, type EmployeeInput, type ListOptions } from './employees';
export { accessList, diffAccess, type AccessChange, type AccessEntry } from './access';
export * from './errors';
export {
  createWebhookHandler,
  memorySeenStore,
  memorySequenceStore,
  type HandlerOptions,
  type SeenStore,
  type SequenceStore,
} from '../webhooks';
export { Limiter } from './limiter';
export {
  applyEvent,
  createMirrorHandler,
  databaseSeenStore,
  databaseSequenceStore,
  openMirrorStore,
  pruneSeen,
  reconcile,
  type ApplyOutcome,
  type MirrorHandlerOptions,
  type ReconcileOptions,
  type ReconcileReport,
  type SqlStore,
} from './mirror';
export { NameNotFoundError, Resolver, type RefInput } from './resolve';
export { Secret } from './secret';
export { bindSuiteQL, suiteqlLiteral, type SuiteQLValue } from './suiteql-literals';
export {
  SuiteQL,
  MAX_PAGE_SIZE,
  MAX_ROWS_PER_QUERY,
  type Row,
  type ScanSpec,
  type SuiteQLPage,
  type KeyColumn,
} from './suiteql';
export { parseCursor, syncEmployees, syncRecords, type SyncCursor, type SyncItem, type SyncOptions } from './sync';
export { StoreTimeoutError, verifyWebhook, WebhookVerificationError, type VerifyOptions } from '../webhooks';
export type { PingEvent, SuitehooksEvent } from '../webhooks';
export type { WebhookEvent, EventData, CanonicalRecord, Ref, EventTypeName, UserRecordTypeId } from '../core';
// A receiver reads an event's role changes whichever way its record type stores roles (docs/events.md).
export { roleDelta, userRecordType, USER_RECORD_TYPES, type RoleDelta, type UserRecordType } from '../core';
