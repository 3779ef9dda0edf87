import { ERROR_CATALOGUE } from '../api';

/**
 * What an error code says went wrong, read from its documented name and message. Where the docs
 * name no code for a condition, the model allows only the operation's codes whose meaning fits
 * the condition: a state refusal may be `OperationDenied.InvalidStatus`, never `Forbidden`.
 */
export type CodeMeaning =
  | 'authorization'
  | 'signature'
  | 'transient'
  | 'token'
  | 'billing'
  | 'quota'
  | 'not-found'
  | 'placement'
  | 'state'
  | 'parameter'
  /**
   * A refusal for one particular reason (`OperationDenied.ManualSyncLimit`, `...NoPairInGroup`,
   * the wrong-site pair): allowed only where the model names it for that reason.
   */
  | 'specific'
  /** `OperationDenied`: the operation is not allowed, no reason given. */
  | 'denied';

/** The condition a refusal stands for, as the model's rules name it. */
export type Condition = 'state' | 'placement' | 'parameter' | 'not-found' | 'limit';

/** Codes whose name alone says too little or the wrong thing. */
const NAMED: Readonly<Record<string, CodeMeaning>> = {
  OperationDenied: 'denied',
  Forbidden: 'authorization',
  'Forbidden.Action': 'authorization',
  UserNotInTheWhiteList: 'authorization',
  InstanceLockedForSecurity: 'specific',
  IdempotentParameterMismatch: 'token',
  LastTokenProcessing: 'token',
  'InvalidAccountStatus.NotEnoughBalance': 'billing',
  'Account.Arrearage': 'billing',
  DiskInArrears: 'billing',
  InstanceExpiredOrInArrears: 'billing',
  InvalidPayMethod: 'billing',
  ResourcesNotInSameZone: 'placement',
  'Zone.NotOnSale': 'placement',
  DiskError: 'state',
  'InvalidOperation.Conflict': 'state',
  'InvalidOperation.InstanceTypeNotSupport': 'specific',
  'InvalidDevice.InUse': 'specific',
  DiskNotPortable: 'specific',
  DiskStillAttached: 'specific',
  DiskCreatingSnapshot: 'specific',
};

/** `OperationDenied.<Reason>` codes other than InvalidStatus name one reason each. */
const SPECIFIC_DENIAL = /^OperationDenied\.(?!InvalidStatus$|PairGroupStatusConflict$)/;

export function meaningOf(code: string): CodeMeaning {
  let meaning = meanings.get(code);
  if (meaning === undefined) {
    meaning = meaningFromName(code);
    // A target may answer any code: the catalogue's few are kept, not every one it invents.
    if (meanings.size < 1_000) meanings.set(code, meaning);
  }
  return meaning;
}

/** Codes' meanings, read once: a refusal whose code the docs do not name reads every documented code. */
const meanings = new Map<string, CodeMeaning>();

function meaningFromName(code: string): CodeMeaning {
  const named = NAMED[code];
  if (named) return named;
  const def = ERROR_CATALOGUE.get(code);
  if (def?.transient || code.includes('Throttling')) return 'transient';
  if (/Signature|AccessKey|SecurityToken|TimeStamp|SignatureNonce/.test(code)) return 'signature';
  if (code.startsWith('Forbidden')) return 'authorization';
  if (code === 'NoSuchResource' || code.endsWith('.NotFound')) return 'not-found';
  if (/Quota/.test(code)) return 'quota';
  if (SPECIFIC_DENIAL.test(code)) return 'specific';
  if (/Status/.test(code)) return 'state';
  if (/^(Missing|Invalid|Incomplete)/.test(code)) return 'parameter';
  return 'denied';
}

/** The meanings that fit a condition: a bare `OperationDenied` fits every refusal of an operation's own logic. */
const FITS: Readonly<Record<Condition, readonly CodeMeaning[]>> = {
  state: ['state', 'denied'],
  placement: ['placement', 'denied'],
  parameter: ['parameter', 'denied'],
  'not-found': ['not-found'],
  limit: ['quota', 'denied'],
};

export const fitsCondition = (code: string, condition: Condition): boolean =>
  FITS[condition].includes(meaningOf(code));

/** Codes about the caller or the wire, never about the call's own conditions. */
const NEVER: readonly CodeMeaning[] = ['authorization', 'signature', 'transient', 'token', 'billing'];

export const couldRefuse = (code: string): boolean => !NEVER.includes(meaningOf(code));
