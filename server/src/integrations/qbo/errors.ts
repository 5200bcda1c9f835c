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
      | "unauthorized",
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

/** A validation or business fault from Intuit (HTTP 400 with a Fault body). */
export const isFault = (err: unknown, code?: string): err is QboError =>
  err instanceof QboError &&
  err.kind === "fault" &&
  (code === undefined || err.details.code === code);
