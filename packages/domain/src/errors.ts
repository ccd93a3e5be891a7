// The domain's one error type. Codes are a closed union so the server can map each to a status
// and a stable problem type URI in one place; the domain never speaks HTTP.

export const domainErrorCodes = [
  'not-found',
  'forbidden',
  'conflict',
  'invalid-input',
  'client-not-in-team',
  'staff-not-in-team',
  'decision-expired',
  'visit-outside-window',
  'fixed-contact-not-qualified',
  'deviation-step-out-of-order',
  'client-not-told',
  'lex-sarah-step-out-of-order',
  'improvement-step-out-of-order',
  'visit-not-settleable',
  'fee-year-missing',
  'invoice-sent',
] as const;
export type DomainErrorCode = (typeof domainErrorCodes)[number];

export class DomainError extends Error {
  /**
   * @param code - what went wrong, from a closed list
   * @param message - a sentence a person can act on
   * @param field - JSON pointer to the offending input field, when one is to blame
   */
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
