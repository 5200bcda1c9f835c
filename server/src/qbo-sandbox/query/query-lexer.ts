/**
 * Tokenizer for Intuit's query language. String literals use single quotes with backslash
 * escapes (`'Driver\'s side mirror'`, docs/quickbooks.md §3); keywords are case-insensitive.
 */
import { errors } from "../api/errors.js";

export type Token =
  | { kind: "word"; text: string; col: number }
  | { kind: "string"; value: string; raw: string; col: number }
  | { kind: "number"; value: number; text: string; col: number }
  | { kind: "punct"; text: "(" | ")" | "," | "*"; col: number }
  | { kind: "op"; text: "=" | "<" | ">" | "<=" | ">="; col: number }
  | { kind: "eof"; col: number };

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const at = (k: number) => input[k] ?? "";
  while (i < input.length) {
    const ch = at(i);
    const col = i + 1;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (/[A-Za-z_]/.test(ch)) {
      let j = i + 1;
      while (j < input.length && /[A-Za-z0-9_.]/.test(at(j))) j++;
      tokens.push({ kind: "word", text: input.slice(i, j), col });
      i = j;
    } else if (/[0-9]/.test(ch) || (ch === "-" && /[0-9]/.test(at(i + 1)))) {
      const m = /^-?\d+(\.\d+)?/.exec(input.slice(i));
      const text = m?.[0] ?? ch;
      tokens.push({ kind: "number", value: Number(text), text, col });
      i += text.length;
    } else if (ch === "'") {
      i = readString(input, i, tokens);
    } else if ("(),*".includes(ch)) {
      tokens.push({ kind: "punct", text: ch as "(" | ")" | "," | "*", col });
      i++;
    } else if (ch === "<" || ch === ">" || ch === "=") {
      const two = at(i + 1) === "=" && ch !== "=";
      if (ch === "<" && at(i + 1) === ">")
        throw errors.parse(
          `Lexical error at line 1, column ${col}. Encountered: "<>" (the query language has no not-equal operator)`,
        );
      tokens.push({
        kind: "op",
        text: two ? `${ch}=` : ch,
        col,
      });
      i += two ? 2 : 1;
    } else {
      throw errors.parse(
        `Lexical error at line 1, column ${col}.  Encountered: "${ch}" (${ch.codePointAt(0) ?? 0}), after : ""`,
      );
    }
  }
  tokens.push({ kind: "eof", col: input.length + 1 });
  return tokens;
}

function readString(input: string, start: number, out: Token[]): number {
  let value = "";
  let i = start + 1;
  while (i < input.length) {
    const ch = input[i] ?? "";
    if (ch === "\\") {
      const next = input[i + 1];
      if (next === undefined) break;
      value += next;
      i += 2;
      continue;
    }
    if (ch === "'") {
      out.push({ kind: "string", value, raw: input.slice(start + 1, i), col: start + 1 });
      return i + 1;
    }
    value += ch;
    i++;
  }
  throw errors.parse(
    `Lexical error at line 1, column ${input.length + 1}.  Encountered: <EOF> after : "${input.slice(start)}"`,
  );
}
