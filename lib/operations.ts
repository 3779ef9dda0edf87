/**
 * The operations the typed client can call, by name, with their request and response types.
 * Both come from the catalogue entry in api/ (derived from the parameter list and the response
 * schema that validate the wire), so a user's code, the emulator and the conformance checks share
 * one reading of the documentation, and a new operation is callable once it is in the catalogue.
 * The legacy ECS CreateDiskReplicaPair is called `LegacyCreateDiskReplicaPair`, because the EBS
 * operation of the same action name is the one people mean.
 */
import { OPERATIONS_BY_NAME, type OperationName, type RequestInput, type ResponseOf } from '../api';

/** The runtime side of ApiTypes: the catalogue by callable name. */
export const API_OPERATIONS = OPERATIONS_BY_NAME;

export type ApiName = OperationName;

/** Request and response types per callable name. */
export type ApiTypes = {
  [N in ApiName]: {
    request: RequestInput<(typeof API_OPERATIONS)[N]>;
    response: ResponseOf<(typeof API_OPERATIONS)[N]>;
  };
};

export type RequestFor<N extends ApiName> = ApiTypes[N]['request'];
export type ResponseFor<N extends ApiName> = ApiTypes[N]['response'];
