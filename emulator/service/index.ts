export * from './api';
export { manualClock, realClock } from './clock';
export { lockStateFile, type StateLock, StateLockedError } from './lock';
export { StateFileError } from './persistence';
export { DEFAULT_EMULATOR_READINGS, emulatorReadings, emulatorReadingsOf } from './readings';
export { createEmulatorService } from './service';
