/** How a company was built; persistence stores the recipe plus rows written since. */
export interface GenerateSpec {
  seed: string;
  name?: string;
  inventory: number;
  nonInventory: number;
  service: number;
  customers: number;
  vendors: number;
}

export type Recipe = { kind: "demo" } | { kind: "generated"; spec: GenerateSpec };
