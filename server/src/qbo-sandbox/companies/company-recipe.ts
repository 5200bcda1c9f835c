/** How a company was built; persistence stores the recipe plus rows written since. */
import type { Edition } from "./edition.js";

export interface GenerateSpec {
  seed: string;
  name?: string;
  inventory: number;
  nonInventory: number;
  service: number;
  customers: number;
  vendors: number;
}

/** `edition` absent = Plus, US (companies saved before plans existed). */
export type Recipe = ({ kind: "demo" } | { kind: "generated"; spec: GenerateSpec }) & {
  edition?: Edition;
};
