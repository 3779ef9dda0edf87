import type { Operation } from '../../operation';

/** A documented success body of one operation, and which of its fields must always be there. */
export interface ResponseCase {
  readonly op: Operation;
  readonly example: Record<string, unknown>;
  /**
   * For each object in the example (by dotted path; '' is the body itself), the fields the
   * schema must require. Every other field of that object must be optional.
   */
  readonly required: Readonly<Record<string, readonly string[]>>;
}
