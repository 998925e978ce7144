/** Where domain code reads the time, so that tests can fix it. */
export type Clock = () => Date;

/** The real clock. JavaScript dates hold milliseconds, so every stored time does too. */
export const systemClock: Clock = () => new Date();
