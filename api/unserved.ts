import { defineOperation, type Operation, type Product } from './operation';
import { RequestIdOnly } from './operations/common';
import { RPC_REQUEST_DOC } from './rules/sources';

const VERSION_OF: Record<Product, Operation['version']> = { ebs: '2021-07-30', ecs: '2014-05-26' };

/**
 * What an answer to an action the catalogue does not hold is judged against (PROTO.UNKNOWN_ACTION):
 * an operation with no parameters of its own whose only documented answer is the gateway's
 * InvalidApi.NotFound, so the same checks judge its code, status and error shape.
 */
export const unservedOperation = (product: Product, action: string): Operation =>
  defineOperation({
    product,
    version: VERSION_OF[product],
    action,
    summary: 'An action the service does not serve.',
    doc: RPC_REQUEST_DOC,
    params: [],
    response: RequestIdOnly,
    errors: ['InvalidApi.NotFound'],
    region: 'any',
    mutating: false,
  });
