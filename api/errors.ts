/**
 * The error catalogue: every code the harness knows, with the HTTP status and message the
 * service documents. Operations list which of these they may return (see operation.ts); the
 * status given there wins when a code is documented with different statuses in different places.
 */
export interface ErrorDef {
  readonly code: string;
  readonly httpStatus: number;
  readonly message: string;
  /** Gateway errors come from the API gateway, before any operation runs. */
  readonly gateway?: boolean;
  /** Throttling, 5xx and timeouts: a client retries them, a checker never counts them. */
  readonly transient?: boolean;
}

const e = (code: string, httpStatus: number, message: string, extra: Partial<ErrorDef> = {}): ErrorDef => ({
  code,
  httpStatus,
  message,
  ...extra,
});
const gw = (code: string, httpStatus: number, message: string, extra: Partial<ErrorDef> = {}) =>
  e(code, httpStatus, message, { gateway: true, ...extra });

/** Errors of the RPC gateway, common to every operation (signature, timestamp, routing, throttling). */
export const GATEWAY_ERRORS = [
  gw(
    'MissingParameter',
    400,
    'The input parameter "%s" that is mandatory for processing this request is not supplied.',
  ),
  gw('InvalidParameter', 400, 'The specified parameter "%s" is not valid.'),
  gw('IncompleteSignature', 400, 'The request signature does not conform to Aliyun standards.'),
  gw('SignatureDoesNotMatch', 400, 'Specified signature is not matched with our calculation.'),
  gw('InvalidAccessKeyId.NotFound', 404, 'Specified access key is not found.'),
  gw('InvalidSecurityToken.Expired', 400, 'Specified SecurityToken is expired.'),
  gw(
    'InvalidSecurityToken.MismatchWithAccessKey',
    400,
    'Specified SecurityToken mismatch with the AccessKey.',
  ),
  gw('InvalidTimeStamp.Format', 400, 'Specified time stamp or date value is not well formatted.'),
  gw('InvalidTimeStamp.Expired', 400, 'Specified time stamp or date value is expired.'),
  gw('SignatureNonceUsed', 400, 'Specified signature nonce was used already.'),
  gw('UnsupportedSignatureMethod', 400, 'Specified signature method is not supported.'),
  gw('InvalidVersion', 400, 'Specified parameter Version is not valid.'),
  gw('InvalidApi.NotFound', 404, 'Specified api is not found, please check your url and method.'),
  gw('UnsupportedHTTPMethod', 403, 'This http method is not supported.'),
  gw('Throttling', 400, 'Request was denied due to request throttling.', { transient: true }),
  gw('Throttling.User', 400, 'Request was denied due to user flow control.', { transient: true }),
  gw('Throttling.Api', 400, 'Request was denied due to api flow control.', { transient: true }),
  // Not in the RPC gateway tables, but answered by the real service: Terraform's provider retries
  // it everywhere (aliyun/terraform-provider-alicloud alicloud/errors.go). Status as the others.
  gw('Rejected.Throttling', 400, 'Request was denied due to request throttling.', { transient: true }),
  gw('ServiceUnavailable', 503, 'The request has failed due to a temporary failure of the server.', {
    transient: true,
  }),
] as const satisfies readonly ErrorDef[];

/** Errors the EBS and ECS operations document. */
export const SERVICE_ERRORS = [
  e(
    'InternalError',
    500,
    'The request processing has failed due to some unknown error, exception or failure.',
    {
      transient: true,
    },
  ),
  e('RequestTimeout', 504, 'The request is timeout, please try again later.', { transient: true }),
  e('Forbidden', 403, 'User is not authorized to operate.'),
  e('Forbidden.Action', 403, 'User is not authorized to operate this action.'),
  e('NoSuchResource', 404, 'The specified resource does not exist.'),
  e('InvalidRegionId.NotFound', 404, 'The specified RegionId does not exist.'),
  e(
    'IdempotentParameterMismatch',
    400,
    'The specified parameter has changed while using an already used clientToken.',
  ),
  e('LastTokenProcessing', 403, 'The last token request is processing.'),
  e('InvalidAccountStatus.NotEnoughBalance', 403, 'Your account does not have enough balance.'),
  e('OperationDenied', 403, 'The operation is not allowed.'),
  e('OperationDenied.InvalidStatus', 403, 'The operation is not allowed in current status.'),
  e('OperationDenied.QuotaExceed', 403, 'The quota is exceeded.'),
  e('OperationDenied.StandbyDeviceAttached', 400, 'The secondary disk is attached.'),
  e('OperationDenied.ManualSyncLimit', 403, 'A one-shot synchronization was started too recently.'),
  e(
    'OperationDenied.OperateNotAllowedForPrimary',
    403,
    'The operation is not allowed in the primary region.',
  ),
  e(
    'OperationDenied.OperateNotAllowedForStandby',
    403,
    'The operation is not allowed in the standby region.',
  ),
  e('OperationDenied.NoPairInGroup', 403, 'The replica group has no pair.'),
  e('OperationDenied.PairGroupAZoneConflict', 403, 'The zones of the pair and the group differ.'),
  e('OperationDenied.PairGroupStatusConflict', 403, 'The statuses of the pair and the group conflict.'),
  e('OperationDenied.PairNotInGroup', 403, 'The pair is not in the replica group.'),
  e('OperationDenied.PairInAnotherGroup', 403, 'The pair is already in another replica group.'),
  e('OperationDenied.PairInitializing', 403, 'The pair is initializing.'),
  e('OperationDenied.PairStatusCannotAddToGroup', 403, 'The pair cannot be added to a group in its status.'),
  e(
    'OperationDenied.PairStatusCannotRemoveFromGroup',
    403,
    'The pair cannot be removed from a group in its status.',
  ),
  e('OperationDenied.GroupStatusCannotAddPair', 403, 'The group cannot accept a pair in its status.'),
  e('OperationDenied.GroupStatusCannotRemovePair', 403, 'The group cannot release a pair in its status.'),
  e(
    'OperationDenied.PairsExceedInGroup',
    403,
    'The replica group already holds the maximum number of pairs.',
  ),
  e(
    'OperationDenied.GroupTotalDiskCapacityLimit',
    403,
    'The total disk capacity of the group exceeds the limit.',
  ),
  e('OperationDenied.GroupHasPair', 403, 'The replica group still has pairs.'),
  e('OperationDenied.TooMuchEmptyGroup', 403, 'Too many empty replica groups.'),
  // ECS 2014-05-26 disk and instance errors.
  e('InvalidDiskId.NotFound', 404, 'The specified disk does not exist.'),
  e('InvalidInstanceId.NotFound', 404, 'The specified InstanceId does not exist.'),
  e('InvalidZoneId.NotFound', 404, 'The specified zone does not exist.'),
  e('IncorrectDiskStatus', 403, 'The operation is not supported in this status.'),
  // A fresh disk refuses Delete, Attach and Detach for a while: client code retries it
  // (Terraform's disk and attachment resources; the CSI driver, whose tests answer it with 400).
  e('IncorrectDiskStatus.Initializing', 400, 'The specified disk is being initialized.', { transient: true }),
  // Terraform treats it as done when detaching; the status is not documented.
  e('InvalidDisk.AlreadyDetached', 403, 'The specified disk is not attached.'),
  // Retried by Terraform on CreateDisk; an unknown server-side failure.
  e('UnknownError', 500, 'The request processing has failed due to some unknown error.', { transient: true }),
  e('IncorrectInstanceStatus', 403, 'The current status of the resource does not support this operation.'),
  e('ResourcesNotInSameZone', 403, 'The specified instance and disk are not in the same zone.'),
  e('DiskNotPortable', 403, 'The specified disk is not a portable disk.'),
  e('InvalidOperation.Conflict', 403, 'The specified resource is in use by another operation.'),
  e('IncompleteParamter', 400, 'Some fields can not be null in this request.'),
  e('InvalidParamter', 400, 'Some parameters are invalid in this request.'),
  e('InvalidRegionId.MalFormed', 400, 'The specified parameter RegionId is not valid.'),
  e('InvalidDiskCategory.NotSupported', 403, 'The specified disk category is not supported.'),
  e('InvalidDiskCategory.ValueNotSupported', 400, 'The specified parameter DiskCategory is not valid.'),
  e('InvalidSize.ValueNotSupported', 400, 'The specified parameter Size is not valid.'),
  e('InvalidDiskSize.NotSupported', 403, 'The specified disk size is not supported.'),
  e('InvalidDiskName.Malformed', 400, 'The specified parameter DiskName is not valid.'),
  e('InvalidDescription.Malformed', 400, 'The specified parameter Description is not valid.'),
  e('InvalidParameter.Conflict', 400, 'The specified parameters conflict with each other.'),
  e('InvalidPerformanceLevel.Malformed', 400, 'The specified parameter PerformanceLevel is not valid.'),
  e('InvalidDiskIds.Malformed', 403, 'The amount of specified disk Ids exceeds the limit.'),
  e('InvalidStatus.ValueNotSupported', 400, 'The specified parameter Status is not valid.'),
  e('DiskStillAttached', 403, 'The disk is still attached to an instance.'),
  e('InvalidInstanceIds.Malformed', 400, 'The specified parameter InstanceIds is not valid.'),
  // ECS codes the CreateDisk, AttachDisk, DetachDisk, DeleteDisk and DescribeDisks docs list.
  e('InvalidDiskSizeOrCategory', 400, 'The specified disk category or size is invalid.'),
  e('Zone.NotOnSale', 400, 'The requested resource is not on sale in the specified zone.'),
  e('InvalidDataDiskCategory.ValueNotSupported', 400, 'The specified parameter DiskCategory is not valid.'),
  e('InvalidDataDiskSize.ValueNotSupported', 400, 'The specified parameter Size is not valid.'),
  e('Account.Arrearage', 400, 'Your account has an outstanding payment.'),
  e('InvalidDataDiskCategory.NotSupported', 403, 'Specified disk category is not supported.'),
  e('InvalidDiskSize.TooSmall', 403, 'The specified disk size is smaller than the source snapshot.'),
  e('QuotaExceed.PortableCloudDisk', 403, 'The quota of portable disks is exceeded.'),
  e('QuotaExceed.PostPaidDisk', 403, 'Living postPaid disks quota exceeded.'),
  e('InvalidPayMethod', 403, 'The specified pay method is not valid.'),
  e('UserNotInTheWhiteList', 403, 'The user is not in disk white list.'),
  e('InvalidSnapshotId.NotFound', 404, 'The specified snapshot does not exist.'),
  e('InvalidResourceGroup.NotFound', 404, 'The ResourceGroup provided does not exist in our records.'),
  e('InvalidParameter.KMSKeyId.NotFound', 404, 'The specified KMSKeyId does not exist.'),
  e('DiskError', 403, 'IncorrectDiskStatus.'),
  e('DiskId.ValueNotSupported', 403, 'The specified disk is not supported for this operation.'),
  e('DiskInArrears', 403, 'The specified disk has expired or is in arrears.'),
  e('InstanceExpiredOrInArrears', 403, 'The specified instance has expired or is in arrears.'),
  e('InstanceLockedForSecurity', 403, 'The specified instance is locked for security reasons.'),
  e('InvalidDevice.InUse', 403, 'The specified device is already in use.'),
  e('InvalidOperation.InstanceTypeNotSupport', 400, 'The instance type does not support this operation.'),
  e('DiskCreatingSnapshot', 403, 'A snapshot of the disk is being created.'),
  e('InvalidDiskType.ValueNotSupported', 400, 'The specified disk type is not supported.'),
  e('InvalidCategory.ValueNotSupported', 400, 'The specified disk category is not supported.'),
  e('InvalidParameter.DiskIds', 400, 'The specified parameter diskIds is not valid.'),
  e('MissingParamter.RegionId', 400, 'The regionId should not be null.'),
  e('InvalidDiskIds.ValueNotSupported', 404, 'The specified parameter "DiskIds" is not supported.'),
] as const satisfies readonly ErrorDef[];

export type ErrorCode = (typeof GATEWAY_ERRORS)[number]['code'] | (typeof SERVICE_ERRORS)[number]['code'];

export const ERROR_CATALOGUE: ReadonlyMap<string, ErrorDef> = new Map(
  [...GATEWAY_ERRORS, ...SERVICE_ERRORS].map((d) => [d.code, d]),
);

/** The catalogue entry for a code; an unknown code is a harness bug, so it throws. */
export function errorDef(code: string): ErrorDef {
  const def = ERROR_CATALOGUE.get(code);
  if (!def) throw new Error(`error code ${code} is not in the catalogue`);
  return def;
}

/** `Missing{Param}`, the modern gateway spelling of a missing required parameter. */
export const missingParamCode = (name: string) => `Missing${name}`;

/**
 * A throttling code: the official SDKs turn any `Code` containing `Throttling` into a
 * ThrottlingError (`Throttling`, `Throttling.User`, `Rejected.Throttling`, ...).
 */
export const isThrottlingCode = (code: string): boolean => code.includes('Throttling');

/** A code a client retries and a checker never counts: catalogued as transient, or throttling. */
export const isTransientCode = (code: string): boolean =>
  ERROR_CATALOGUE.get(code)?.transient === true || isThrottlingCode(code);
