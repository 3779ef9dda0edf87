export * from './api';
export { manualClock, realClock } from './clock';
export { lockStateFile, type StateLock, StateLockedError } from './lock';
export { StateFileError } from './persistence';
export {
  DEFAULT_EMULATOR_READINGS,
  emulatorReadings,
  emulatorReadingsOf,
  HELD_FOR_MODEL,
} from './readings';
export { createEmulatorService } from './service';
