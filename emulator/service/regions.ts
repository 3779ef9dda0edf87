import * as api from '../../api';
import type { OperationFn } from './context';
import { route } from './context';
import { optString } from './params';
import { ebsEndpoint, type Language, REGIONS, type ZoneFeature } from './world';

const LANGUAGES: readonly Language[] = ['zh-CN', 'en-US', 'ja'];
const languageOf = (value: string | undefined): Language => LANGUAGES.find((l) => l === value) ?? 'zh-CN';

/**
 * EBS DescribeRegions. With a ResourceType only regions with at least one zone offering it are
 * listed, and only those zones; without one every region and zone is listed.
 */
export const DescribeRegions: OperationFn<typeof api.DescribeRegions> = (_ctx, p) => {
  const feature = optString(p, 'ResourceType') as ZoneFeature | undefined;
  const lang = languageOf(optString(p, 'AcceptLanguage'));
  const regions = REGIONS.map((region) => ({
    region,
    zones: region.zones.filter((z) => feature === undefined || z.features.includes(feature)),
  })).filter(({ zones }) => zones.length > 0);
  return {
    Regions: regions.map(({ region, zones }) => ({
      RegionId: region.regionId,
      LocalName: region.names[lang],
      RegionEndpoint: ebsEndpoint(region.regionId),
      Zones: zones.map((z) => ({
        ZoneId: z.zoneId,
        LocalName: z.names[lang],
        ResourceTypes: feature === undefined ? [...z.features] : [feature],
      })),
    })),
  };
};

export const ROUTES = [route(api.DescribeRegions, DescribeRegions)];
