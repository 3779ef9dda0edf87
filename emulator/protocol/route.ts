import type { Operation, Product } from '../../api/operation';
import { findOperation } from '../../api/operations';
import { ServiceError } from '../service/api';
import { missingParameter } from './gateway-errors';

/** The versions we serve, each belonging to one product, whatever Host the request names. */
const PRODUCT_OF_VERSION: ReadonlyMap<string, Product> = new Map([
  ['2021-07-30', 'ebs'],
  ['2014-05-26', 'ecs'],
]);

/** The operation an Action and Version name, or the gateway's refusal. */
export function routeOperation(action: string | undefined, version: string | undefined): Operation {
  if (version === undefined || version === '') throw missingParameter('Version');
  const product = PRODUCT_OF_VERSION.get(version);
  if (product === undefined) throw new ServiceError('InvalidVersion');
  if (action === undefined || action === '') throw missingParameter('Action');
  const op = findOperation(product, version, action);
  if (!op) throw new ServiceError('InvalidApi.NotFound');
  return op;
}
