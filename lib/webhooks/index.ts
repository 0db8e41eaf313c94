/**
 * The receiver side of suitehooks webhooks: verification, the Node/Express handler and a self-signed
 * certificate for a local receiver. Kept apart from the REST client (lib/client) because the CLI's
 * `listen` command and the sandbox's receiver both use it, and it needs nothing but lib/core and
 * `standardwebhooks`; lib/client re-exports it as the package's API.
 */
export { selfSignedCertificate, type SelfSigned } from './certificate';
export { StoreTimeoutError, SuitehooksError, WebhookVerificationError } from './errors';
export {
  createWebhookHandler,
  memorySeenStore,
  memorySequenceStore,
  type HandlerOptions,
  type SeenStore,
  type SequenceStore,
} from './handler';
export { verifyWebhook, verifyWith, webhookVerifiers, type HeaderBag, type VerifyOptions } from './verify';
export type { PingData, PingEvent, SuitehooksEvent } from '../core/ping';
