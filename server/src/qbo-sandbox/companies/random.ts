import { randomBytes } from "node:crypto";

/** Seeded PRNG (mulberry32): generated companies and fault injection must be reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a 32-bit; used to turn seeds (strings) into PRNG seeds and realmIds. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A 16-digit realmId like Intuit's sandbox ones (`9341…`), deterministic for the input. */
export function realmIdFor(input: string): string {
  const a = hash32(input).toString().padStart(10, "0").slice(-6);
  const b = hash32(`${input}#2`).toString().padStart(10, "0").slice(-6);
  return `9341${a}${b}`;
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

export function randomToken(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

/** `1-65a1b2c3-4d5e6f708192a3b4c5d6e7f8`, the shape of Intuit's `intuit_tid`. */
export function intuitTid(): string {
  const hex = randomBytes(16).toString("hex");
  return `1-${hex.slice(0, 8)}-${hex.slice(8, 32)}`;
}
