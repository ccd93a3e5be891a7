// The planner's two error types. Bad input is the caller's to fix (InputError, naming the field);
// anything else is ours (InternalError). An infeasible day is neither: it is a plan with
// unassigned visits and reasons.

/** The problem or plan handed to the planner is malformed; `issues` name every bad field. */
export class InputError extends Error {
  /**
   * @param message - a summary a person can act on
   * @param issues - one line per bad field, e.g. `visits[3].window.start: "25:00" is not a time HH:MM`
   */
  constructor(
    message: string,
    readonly issues: readonly string[] = [],
  ) {
    super(issues.length > 0 ? `${message}\n  ${issues.join('\n  ')}` : message);
    this.name = 'InputError';
  }
}

/** A broken invariant inside the planner: a bug to report, never the user's fault. */
export class InternalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InternalError';
  }
}
