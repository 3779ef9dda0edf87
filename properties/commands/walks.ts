import fc from 'fast-check';
import type { Variant } from '../../adapters/target';
import { listingOf, listingRows, packIds, type ResourceListing } from '../../api';
import { listDisks, listGroups, type ModelState, pairListing } from '../../model';
import { pagination_conformance } from '../checks';
import type { ModelBox } from '../command';
import type { RunSession } from '../session';
import { nth, replicationRegions, variant } from './toolkit';

type Site = 'production' | 'backup';
type Mode = 'token' | 'number';

/** A listing that can be walked page by page (api/resources.ts), and what the model says it holds. */
interface Listing {
  readonly listing: ResourceListing;
  readonly sited: boolean;
  readonly rule: (mode: Mode) => string;
  readonly expected: (s: ModelState, regionId: string, site: Site) => string[];
  /** IDs an open reading lets the listing hold or not. */
  readonly optional?: (s: ModelState, regionId: string, site: Site) => string[];
  /** Every ID of this kind the sequence holds. */
  readonly own: (s: ModelState) => string[];
}

/** The most IDs one listing filter takes. */
const FILTER_MAX = 100;

const replicationRule = (mode: Mode) =>
  mode === 'token' ? 'PAIR.DESCRIBE.TOKEN_PAGING' : 'PAIR.DESCRIBE.NUMBERED_PAGING';

const LISTINGS: Readonly<Record<string, Listing>> = {
  pairs: {
    listing: listingOf('pair'),
    sited: true,
    rule: replicationRule,
    expected: (s, regionId, site) => pairListing(s, { regionId, site }).pairs.map((p) => p.id),
    optional: (s, regionId, site) => (pairListing(s, { regionId, site }).open?.rows ?? []).map((p) => p.id),
    own: (s) => Object.keys(s.pairs),
  },
  groups: {
    listing: listingOf('group'),
    sited: true,
    rule: replicationRule,
    expected: (s, regionId, site) => listGroups(s, { regionId, site }).map((g) => g.id),
    own: (s) => Object.keys(s.groups),
  },
  disks: {
    listing: listingOf('disk'),
    sited: false,
    rule: () => 'DISK.DESCRIBE.PAGING',
    expected: (s, regionId) => listDisks(s, { regionId }).map((d) => d.id),
    own: (s) => Object.keys(s.disks),
  },
};

/**
 * How many pages a walk asks for before it stops: those the rows the model expects fill, one
 * more to show the end, and never fewer than 50 (a target may list rows the model does not
 * hold). Seed 385 stopped at a fixed 50 pages of one row with fifty-odd groups in the region
 * and reported the rest as never listed.
 */
export const pageBudget = (rows: number, size: number): number => Math.max(50, Math.ceil(rows / size) + 1);

/**
 * A full walk of one listing with a small page size (NextToken, or PageNumber up to TotalCount):
 * every page is checked on its own by the step, and together the pages must add up to the
 * listing, with no duplicates and no gaps. On a target other sequences share, the walk filters
 * on the sequence's own IDs: the others' rows would make it long, and their changes could shift
 * rows between its pages.
 */
class WalkCommand implements fc.AsyncCommand<ModelBox, RunSession> {
  constructor(
    readonly listing: string,
    readonly region: number,
    readonly site: Site,
    readonly mode: Mode,
    readonly size: number,
    readonly variant: Partial<Variant>,
  ) {}

  check(m: Readonly<ModelBox>): boolean {
    return replicationRegions(m.state).length > 0;
  }

  async run(m: ModelBox, session: RunSession): Promise<void> {
    const l = LISTINGS[this.listing] as Listing;
    // A walk proves most where the sequence has rows: on a target it does not own, the only place.
    const regions = replicationRegions(m.state);
    const holding = regions.filter((r) => l.expected(m.state, r.id, this.site).length > 0);
    const region = nth(holding.length > 0 ? holding : regions, this.region);
    if (!region) return;
    const own = session.options.isolated ? undefined : l.own(m.state).slice(0, FILTER_MAX);
    if (own?.length === 0) return;
    const all = l.expected(m.state, region.id, this.site);
    const expected = own ? all.filter((id) => own.includes(id)) : all;
    const optional = l.optional?.(m.state, region.id, this.site) ?? [];
    const seen = await this.#walk(
      m,
      session,
      l,
      region.id,
      own ? { [l.listing.filter.param]: packIds(l.listing, own) } : {},
      pageBudget(expected.length + optional.length, this.size),
    );
    if (!seen) return;
    const failed = pagination_conformance({
      operation: l.listing.action,
      rule: l.rule(this.mode),
      seen,
      expected,
      optional,
      isolated: session.options.isolated,
      retired: session.ownership.retired,
    });
    if (failed) session.fail(failed);
  }

  /** The IDs every page showed, in order; `undefined` when a page was refused or never came. */
  async #walk(
    m: ModelBox,
    session: RunSession,
    l: Listing,
    regionId: string,
    filter: Record<string, string>,
    pages: number,
  ): Promise<string[] | undefined> {
    const seen: string[] = [];
    let token: string | undefined;
    for (let page = 1; page <= pages; page++) {
      const paging =
        this.mode === 'token'
          ? { MaxResults: this.size, ...(token ? { NextToken: token } : {}) }
          : { PageNumber: page, PageSize: this.size };
      const params = { RegionId: regionId, ...(l.sited ? { Site: this.site } : {}), ...filter, ...paging };
      const label = `${l.listing.action}(${regionId}${l.sited ? `, Site=${this.site}` : ''}, ${this.mode} page ${page} of ${this.size})`;
      const answer = await session.step(
        m,
        {
          call: { product: l.listing.product, version: l.listing.version, action: l.listing.action, params },
          variant: this.variant,
          label,
        },
        label,
      );
      if (answer?.kind !== 'success') return undefined;
      const ids = (listingRows(l.listing, answer.body) ?? []).map((r) => String(r[l.listing.idField]));
      seen.push(...ids);
      if (this.mode === 'token') {
        const next = answer.body.NextToken;
        token = typeof next === 'string' && next !== '' ? next : undefined;
        if (!token) return seen;
      } else {
        const total = Number(answer.body.TotalCount);
        if (ids.length < this.size || !(page * this.size < total)) return seen;
      }
    }
    return seen;
  }

  toString(): string {
    return `walk ${this.listing}(holding region#${this.region}, Site=${this.site}, ${this.mode} pages of ${this.size})`;
  }
}

const walk = (listing: string) =>
  fc
    .record({
      region: fc.nat(),
      site: fc.constantFrom<Site>('production', 'backup'),
      mode: fc.constantFrom(...(LISTINGS[listing] as Listing).listing.paging),
      size: fc.integer({ min: 1, max: 3 }),
      variant,
    })
    .map((g) => new WalkCommand(listing, g.region, g.site, g.mode, g.size, g.variant));

export const WALK_COMMANDS = {
  walkPairs: walk('pairs'),
  walkGroups: walk('groups'),
  walkDisks: walk('disks'),
};

/** How often each command is drawn (properties/commands/index.ts gathers the families). */
export const WALK_WEIGHTS = {
  // Only a whole walk shows a row a target drops where it does not own every row (endpoint, real).
  walkPairs: 3,
  walkGroups: 1,
  walkDisks: 1,
} satisfies Record<keyof typeof WALK_COMMANDS, number>;
