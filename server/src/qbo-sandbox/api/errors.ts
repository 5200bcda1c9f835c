/**
 * Intuit's Fault envelope and the error catalogue the sandbox emits (docs/quickbooks.md §5).
 * Domain code throws `QboError`; the API layer turns it into
 * `{ Fault: { Error: [{ Message, Detail, code, element }], type }, time }`.
 */
import type { JsonObject } from "../json.js";
import { isoMillis } from "../time.js";

export type FaultType = "ValidationFault" | "SystemFault" | "SERVICE" | "AuthenticationFault";

export class QboError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly detail: string,
    readonly element = "",
    readonly type: FaultType = "ValidationFault",
  ) {
    super(message);
  }

  faultObject(): JsonObject {
    return {
      Error: [
        { Message: this.message, Detail: this.detail, code: this.code, element: this.element },
      ],
      type: this.type,
    };
  }

  body(nowMs: number): JsonObject {
    return { Fault: this.faultObject(), time: isoMillis(nowMs) };
  }
}

export const errors = {
  requiredParam: (name: string) =>
    new QboError(
      400,
      "2020",
      "Required param missing, need to supply the required value for the API",
      `Required parameter ${name} is missing in the request`,
      name,
    ),
  invalidProperty: (detail: string) =>
    new QboError(
      400,
      "2010",
      "Request has invalid or unsupported property",
      `Property Name:${detail}`,
    ),
  invalidString: (field: string, detail: string) =>
    new QboError(
      400,
      "2050",
      "String length is either shorter or longer than supported by specification",
      `${detail} : ${field}`,
      field,
    ),
  invalidEnum: (field: string, value: string) =>
    new QboError(400, "2170", "Invalid Enumeration", `Invalid Enumeration : ${value}`, field),
  notFound: (element: string, id: string) =>
    new QboError(
      400,
      "610",
      "Object Not Found",
      `Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees. (${element} ${id})`,
      element,
    ),
  readNotFound: (entity: string, id: string) =>
    new QboError(
      400,
      "610",
      "Object Not Found",
      `Object Not Found : Something you're trying to use has been made inactive. Check the fields with accounts, customers, items, vendors or employees. (${entity} Id=${id})`,
    ),
  stale: () =>
    new QboError(
      400,
      "5010",
      "Stale Object Error",
      "Stale Object Error : You and root were working on this at the same time. root finished before you did, so your work was not saved.",
    ),
  duplicateName: (kind: "item" | "name" | "account", id: string) =>
    new QboError(
      400,
      "6240",
      "Duplicate Name Exists Error",
      kind === "name"
        ? `The name supplied already exists. : Another customer, vendor or employee is already using this name. Please use a different name. Id=${id}`
        : kind === "item"
          ? `The name supplied already exists. : Another product or service is already using this name. Please use a different name. Id=${id}`
          : `The name supplied already exists. : Another account is already using this name. Id=${id}`,
    ),
  duplicateDocNumber: (docNumber: string) =>
    new QboError(
      400,
      "6140",
      "Duplicate Document Number Error",
      `Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=${docNumber}`,
    ),
  amountMismatch: (supplied: number) =>
    new QboError(
      400,
      "6070",
      "Amount is not equal to UnitPrice * Qty",
      `Amount is not equal to UnitPrice * Qty. Supplied value:${supplied.toLocaleString("en-US")}`,
      "Line.Amount",
    ),
  /**
   * A sales line on a tracked Inventory item without Qty. Code 6520 is what QuickBooks answers
   * (reported by a third-party client against production); the wording is ours.
   */
  inventoryQtyMissing: (itemName: string) =>
    new QboError(
      400,
      "6520",
      "A business validation error has occurred while processing your request",
      `Business Validation Error: Enter a quantity for the inventory item ${itemName}.`,
      "Line.SalesItemLineDetail.Qty",
    ),
  business: (detail: string) =>
    new QboError(
      400,
      "6000",
      "A business validation error has occurred while processing your request",
      `Business Validation Error: ${detail}`,
    ),
  parse: (detail: string) =>
    new QboError(400, "4000", "Error parsing query", `QueryParserError: ${detail}`),
  notQueryable: (detail: string) =>
    new QboError(400, "4001", "Invalid query", `QueryValidationError: ${detail}`),
  unsupported: (detail: string) => new QboError(400, "500", "Unsupported Operation", detail),
  batchTooLarge: (n: number) =>
    new QboError(
      400,
      "1040",
      "Batch size exceeds allowed limit",
      `The batch request contained ${n} items; the maximum allowed is 30.`,
    ),
  throttled: () =>
    new QboError(
      429,
      "3001",
      "message=ThrottleExceeded; errorCode=003001; statusCode=429",
      "The request limit was reached.  Try again later",
      "",
      "SERVICE",
    ),
  system: () =>
    new QboError(
      500,
      "10000",
      "An application error has occurred while processing your request",
      "System Failure Error: An unexpected error occurred while accessing or saving your data. Please wait a few minutes and try again. If the problem persists, contact customer support.",
      "",
      "SystemFault",
    ),
};

/**
 * 401/403 from Intuit's gateway. Real bodies are lower-case and carry `time` as epoch
 * milliseconds (docs/quickbooks.md §5.2, observed on the real sandbox); we emit exactly this form.
 */
export function gatewayFault(nowMs: number, kind: "expired" | "invalid" | "realm"): JsonObject {
  const auth = kind !== "realm";
  const detail =
    kind === "expired"
      ? "Token expired: the access token has expired or was revoked"
      : kind === "invalid"
        ? "Malformed bearer token: unknown or revoked token"
        : "The access token is not authorized for this realmId";
  return {
    warnings: null,
    intuitObject: null,
    fault: {
      error: [
        {
          message: auth
            ? "message=AuthenticationFailed; errorCode=003200; statusCode=401"
            : "message=ApplicationAuthorizationFailed; errorCode=003100; statusCode=403",
          detail,
          code: auth ? "3200" : "3100",
          element: null,
        },
      ],
      type: auth ? "AUTHENTICATION" : "AUTHORIZATION",
    },
    report: null,
    queryResponse: null,
    batchItemResponse: [],
    attachableResponse: [],
    syncErrorResponse: null,
    requestId: null,
    time: nowMs,
    status: null,
    cdcresponse: [],
  };
}
