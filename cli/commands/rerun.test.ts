import { describe, expect, it } from 'vitest';
import { type RunFlags, rerunCommand } from './run';

const flags = (extra: Partial<RunFlags>): RunFlags => ({
  target: 'direct',
  runs: 20,
  maxCommands: 40,
  reportDir: 'reports-out',
  transitionMs: 1000,
  ...extra,
});

// Lanes split a run's sequences (seed + k each): without the lane count, the printed command ran
// other sequences on a machine with another number of cores.
describe('the command that runs the same sequences again', () => {
  it('names the lanes of a lane target, one included', () => {
    expect(rerunCommand(flags({ concurrency: 2 }), 7)).toContain(
      '--seed 7 --runs 20 --max-commands 40 --concurrency 2',
    );
    expect(rerunCommand(flags({ concurrency: 1 }), 7)).toContain('--concurrency 1');
    expect(rerunCommand(flags({ target: 'emulator', concurrency: 3 }), 7)).toContain('--concurrency 3');
  });

  it('names the concurrency of a shared target where it was given', () => {
    expect(rerunCommand(flags({ target: 'mock', concurrency: 2 }), 7)).toContain('--concurrency 2');
    expect(rerunCommand(flags({ target: 'mock' }), 7)).not.toContain('--concurrency');
  });
});
