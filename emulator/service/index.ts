export * from './api';
export { manualClock, realClock } from './clock';
export { lockStateFile, type StateLock, StateLockedError } from './lock';
export { StateFileError } from './persistence';
export { createEmulatorService } from './service';
