import {
  type AlternativeId,
  FAVOURED_READINGS,
  type ReadingChoices,
  type ReadingId,
  readingChoices,
  readingTexts,
} from '../../api';

/**
 * Which alternative of each reading (api/readings.ts) the emulator plays: by default the one the
 * evidence favours (the model allows every alternative until the target shows one).
 */
export const DEFAULT_EMULATOR_READINGS: ReadingChoices = FAVOURED_READINGS;

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

/** Reading `tag-filter-empty-value`: whether a Tag filter's empty Value matches any value of its key. */
export const emptyTagValueMatchesAny = (ctx: { readonly readings: ReadingChoices }): boolean =>
  plays(ctx.readings, 'tag-filter-empty-value', 'any-value');
