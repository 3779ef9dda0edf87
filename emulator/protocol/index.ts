export { ADMIN_PREFIX, parseDuration } from './admin';
export {
  type Credential,
  DEFAULT_ACCESS_KEY_ID,
  DEFAULT_ACCESS_KEY_SECRET,
  DEFAULT_CREDENTIALS,
  DEFAULT_STS_CREDENTIAL,
  type GatewayConfig,
  gatewayConfig,
} from './config';
export { type Deviation, deviateService, type NextService } from './deviation';
export { type Fault, type FaultEffect, type FaultRule, FaultRuleSchema, FaultTable } from './faults';
export { createHandler, type GatewayHandler } from './handler';
export { type ListenOptions, listen, type RunningServer } from './server';
export { signV1, signV3, type V1Layout } from './test-client';
export type { WireHandler, WireRequest, WireResponse } from './wire';
