/**
 * Typed failures of QuickBooks calls. Features map them to API error codes; nothing here
 * knows about HTTP responses of our own.
 */
export class QboError extends Error {
  constructor(
    message: string,
    readonly kind:
      | "not_connected"
      | "reconnect_required"
      | "unavailable"
      | "throttled"
      | "fault"
      | "unauthorized"
      | "realm_changed",
    readonly details: { status?: number; code?: string; detail?: string; intuitTid?: string } = {},
  ) {
    super(message);
    this.name = "QboError";
  }
}

export const notConnected = (): QboError =>
  new QboError("This shop has not connected QuickBooks", "not_connected");
export const reconnectRequired = (why = "QuickBooks refused our refresh token"): QboError =>
  new QboError(why, "reconnect_required");

/**
 * The shop is now connected to another QuickBooks company than the one the caller's ids belong
 * to: QuickBooks ids are per company, so the call would read or write the wrong books.
 */
export const realmChanged = (): QboError =>
  new QboError(
    "The shop switched to another QuickBooks company; this work belonged to the previous one",
    "realm_changed",
  );

/** A validation or business fault from Intuit (HTTP 400 with a Fault body). */
export const isFault = (err: unknown, code?: string): err is QboError =>
  err instanceof QboError &&
  err.kind === "fault" &&
  (code === undefined || err.details.code === code);
