import {
  type AlternativeId,
  FAVOURED_READINGS,
  type ReadingChoices,
  type ReadingId,
  readingChoices,
  readingTexts,
} from '../../api';

/**
 * Which alternative of each reading (api/readings.ts) the emulator plays. By default the one the
 * evidence favours, except where the model still holds the other one (HELD_FOR_MODEL).
 */

/**
 * Until the model allows every alternative of a reading (issue 13, model side), a default
 * emulator playing the evidence-favoured alternative would be reported nonconformant by the
 * default conformance run. These readings are therefore played the model's way unless chosen
 * with `--reading`; delete an entry once the model accepts both alternatives.
 */
export const HELD_FOR_MODEL: Partial<ReadingChoices> = {
  'empty-group-pair-ids': 'empty-list',
};

/** What an emulator plays when told nothing. */
export const DEFAULT_EMULATOR_READINGS: ReadingChoices = { ...FAVOURED_READINGS, ...HELD_FOR_MODEL };

/** The readings an emulator plays given `--reading ID=VALUE` texts; bad texts throw ReadingChoiceError. */
export const emulatorReadings = (texts: readonly string[] = []): ReadingChoices =>
  readingChoices(texts, DEFAULT_EMULATOR_READINGS);

/**
 * The readings an emulator plays given some choices (the `readings` option of the emulator, the
 * mock target and the msw handlers). Checked like `--reading`, so a JavaScript caller's typo
 * throws ReadingChoiceError instead of being ignored.
 */
export const emulatorReadingsOf = (chosen: Partial<ReadingChoices> = {}): ReadingChoices =>
  emulatorReadings(readingTexts(chosen));

/** Whether the emulator plays this alternative of this reading. */
export const plays = <I extends ReadingId>(
  readings: ReadingChoices,
  id: I,
  alternative: AlternativeId<I>,
): boolean => readings[id] === alternative;
