/** The pure core: no `N/*`, no Node APIs. Shared by the bundle, the client and the sandbox. */
export * from './types';
export * from './fields';
export * from './record-types';
export * from './normalize';
export * from './read-record';
export * from './diff';
export * from './lifecycle';
export * from './envelope';
export * from './signing';
export * from './retry-schedule';
export * from './config';
export * from './wire-formats';
export * from './version';
export * from './delivery-record';
export * from './ids';
export * from './time-zone';
export * from './governance';
