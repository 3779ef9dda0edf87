import fc from 'fast-check';
import { Bandwidths, SupportedRpo } from '../../api';
import type { ModelState } from '../../model';

// What a create may say about billing and replication settings: ChargeType, Period, PeriodUnit,
// Bandwidth and RPO, in the combinations the CreateDiskReplicaPair page accepts and the ones it
// refuses (PREPAY without Period, an RPO other than 900), and Bandwidth on pay-as-you-go, which
// the reading postpay-bandwidth leaves open.

export type Billing = Readonly<Record<string, string | number>>;

/** The Periods the page lists, in months. */
const PERIODS = [1, 2, 3, 6, 12, 24, 36, 60] as const;

const defined = (o: Record<string, unknown>): Billing =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Billing;

const prepay = fc
  .record({
    Period: fc.constantFrom(...PERIODS),
    PeriodUnit: fc.option(fc.constant('Month'), { nil: undefined }),
    Bandwidth: fc.option(fc.constantFrom(...Bandwidths), { nil: undefined }),
  })
  .map((b) => defined({ ChargeType: 'PREPAY', ...b }));

/** An RPO at its one documented value (accepted) or off it (refused: PAIR.RPO_ONLY_900). */
export const rpoSetting = fc.constantFrom(SupportedRpo, SupportedRpo, 600, 3600).map((RPO) => ({ RPO }));

/** Billing of a pair create: mostly none, so that the life cycle stays the common path. */
export const pairBilling: fc.Arbitrary<Billing> = fc.oneof(
  { weight: 14, arbitrary: fc.constant({}) },
  { weight: 2, arbitrary: fc.constant({ ChargeType: 'POSTPAY' }) },
  { weight: 3, arbitrary: prepay },
  // PREPAY without Period: MissingParameter (PAIR.CREATE.PREPAY_NEEDS_PERIOD).
  { weight: 1, arbitrary: fc.constant({ ChargeType: 'PREPAY' }) },
  // Bandwidth on pay-as-you-go, with ChargeType given or left to its default.
  {
    weight: 1,
    arbitrary: fc
      .record({ Bandwidth: fc.constantFrom(...Bandwidths), postpay: fc.boolean() })
      .map(({ Bandwidth, postpay }) => defined({ Bandwidth, ChargeType: postpay ? 'POSTPAY' : undefined })),
  },
  { weight: 2, arbitrary: rpoSetting },
);

/**
 * A subscription costs money: on a billed account (a real one) the generators keep to
 * pay-as-you-go, so that the guard never has to stop a sequence for a PREPAY it was not allowed.
 */
export const affordable = (s: ModelState, billing: Billing): Billing =>
  s.world.billed && billing.ChargeType === 'PREPAY' ? {} : billing;

/** `ChargeType=PREPAY Period=12`, for a label. */
export const shown = (billing: Billing): string[] => Object.entries(billing).map(([k, v]) => `${k}=${v}`);
