import { describe, expect, it } from 'vitest';
import { EXEMPTIONS, OPERATIONS, type Operation, operationKey } from '../../api';
import { HAS, missingLayers } from './layers';

// Every operation of the catalogue reaches every layer, or says in api/layers.ts why it does not:
// an operation added to api/operations/ alone would otherwise be "covered" while the harness
// checks nothing about it.

describe('every operation of the catalogue has every layer', () => {
  it('a model decision, an emulator handler, a command family and a rule, or an exemption saying why', () => {
    expect(
      missingLayers(OPERATIONS),
      'add the missing layer, or exempt it with a reason in api/layers.ts',
    ).toEqual([]);
  });

  it('exempts only catalogue operations, from layers they really lack', () => {
    for (const [key, exemption] of Object.entries(EXEMPTIONS)) {
      const op = OPERATIONS.find((o) => operationKey(o) === key);
      expect(op, `${key} in api/layers.ts is not in the catalogue`).toBeDefined();
      if (!op) continue;
      expect(exemption.why.length, `${key}: say why`).toBeGreaterThan(20);
      const present = exemption.layers.filter((layer) => HAS[layer](op));
      expect(present, `${key} has these layers: drop them from its exemption`).toEqual([]);
    }
  });

  it('names the file to add when an operation lacks a layer', () => {
    const invented: Operation = { ...(OPERATIONS[0] as Operation), action: 'StartInventedDrill' };
    expect(missingLayers([invented])).toEqual([
      expect.stringContaining('write model/start-invented-drill.ts'),
      expect.stringContaining('write emulator/service/start-invented-drill.ts'),
      expect.stringContaining('write properties/commands/start-invented-drill.ts'),
      expect.stringContaining('write api/rules/start-invented-drill.ts'),
    ]);
  });
});
