/** Where domain code reads the time, so that tests can fix it. */
export type Clock = () => Date;

/** The real clock, truncated to milliseconds as every stored time is. */
export const systemClock: Clock = () => new Date();
