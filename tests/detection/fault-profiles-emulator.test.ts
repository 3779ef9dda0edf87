import { detectionSuite } from './detection-suite';

// The emulator as a child process over real sockets, on a clock the harness moves.
detectionSuite('emulator');
