/** Operational failures (a disk that will not write): not the user's input, which is reported as diagnostics. */
export class FeedwrightError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class WriteError extends FeedwrightError {}
