import { z } from "zod";

/** Money and quantities travel as exact decimal strings ("12.75", "-3", "0.25"), never floats. */
export const DecimalStringSchema = z
  .string()
  .trim()
  .regex(/^-?\d{1,12}(\.\d{1,4})?$/, "Expected a decimal number such as 12.75");
export type DecimalString = z.infer<typeof DecimalStringSchema>;
