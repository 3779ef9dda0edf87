import { describe } from 'vitest';
import { awaitingListIsSound, detectionSuite } from './detection-suite';

// The in-process mock (msw in front of the emulator's service); the emulator child has its own file
// so that vitest runs the two targets side by side.
describe('detection list', awaitingListIsSound);
detectionSuite('mock');
