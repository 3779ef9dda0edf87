import type { Product } from '../api';

/** One call as a client sent it: parameters are wire strings or typed values. */
export interface Call {
  readonly product: Product;
  readonly version: string;
  readonly action: string;
  readonly params: Readonly<Record<string, unknown>>;
}

/** Parameters every RPC call may carry that are not the operation's own (never compared, never validated). */
export const COMMON_PARAMS: ReadonlySet<string> = new Set([
  'Action',
  'Version',
  'Format',
  'AccessKeyId',
  'Signature',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'SignatureType',
  'Timestamp',
  'SecurityToken',
  'BearerToken',
  'OwnerId',
  'OwnerAccount',
  'ResourceOwnerId',
  'ResourceOwnerAccount',
]);

export const isLegacyDialect = (call: Pick<Call, 'product' | 'version'>) =>
  call.product === 'ecs' && call.version === '2014-05-26';
