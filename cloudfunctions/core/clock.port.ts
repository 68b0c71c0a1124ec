/** The clock: rules read the time only through this port (no `new Date()` in rules), so tests and the local gateway can set it. */
export interface ClockPort {
  /** epoch milliseconds */
  now(): number;
}
