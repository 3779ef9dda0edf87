export * from './api';
export { manualClock, realClock } from './clock';
export { StateFileError } from './persistence';
export { createEmulatorService } from './service';
