import { describe, expect, it } from 'vitest';
import { READINGS } from '../../api';
import { catalogueJson } from './spec';

describe('spec --json', () => {
  it('lists every reading with its alternatives, sources and favoured choice', () => {
    const json = JSON.parse(JSON.stringify(catalogueJson())) as { readings: typeof READINGS };
    expect(json.readings.map((r) => r.id)).toEqual(READINGS.map((r) => r.id));
    const encrypted = json.readings.find((r) => r.id === 'encrypted-disks');
    expect(encrypted?.alternatives.map((a) => a.id)).toEqual(['allowed', 'refused']);
    expect(encrypted?.favoured).toBe('allowed');
    expect(encrypted?.alternatives[0]?.sources.length).toBeGreaterThan(0);
  });
});
