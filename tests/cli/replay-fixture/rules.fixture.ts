import { conformanceSuite } from '../../../cli/vitest-suite';

conformanceSuite({ target: 'direct', runs: 20 });
