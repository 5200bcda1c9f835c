/**
 * Parser: SELECT * | count(*) FROM Entity [WHERE c AND c ...] [ORDERBY f [ASC|DESC], ...]
 * [STARTPOSITION n] [MAXRESULTS n]. No OR, no projections (docs/quickbooks.md §3). Errors are
 * 4000 "Error parsing query" with a QueryParserError detail.
 */
import { errors } from "../api/errors.js";
import { tokenize, type Token } from "./query-lexer.js";

export type Literal =
  | { kind: "string"; value: string; raw: string }
  | { kind: "number"; value: number; text: string }
  | { kind: "bool"; value: boolean };

export type CompareOp = "=" | "<" | ">" | "<=" | ">=" | "IN" | "LIKE";

export interface Condition {
  field: string;
  op: CompareOp;
  values: Literal[];
}

export interface ParsedQuery {
  count: boolean;
  entity: string;
  where: Condition[];
  orderBy: { field: string; desc: boolean }[];
  startPosition?: number;
  maxResults?: number;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  peek(): Token {
    return this.tokens[this.pos] ?? { kind: "eof", col: 0 };
  }

  next(): Token {
    const t = this.peek();
    this.pos++;
    return t;
  }

  fail(expected: string): never {
    const t = this.peek();
    const text =
      t.kind === "eof"
        ? "<EOF>"
        : t.kind === "string"
          ? `'${t.raw}'`
          : t.kind === "number"
            ? t.text
            : t.text;
    throw errors.parse(
      `Encountered " ${text} " at line 1, column ${t.col}.\nWas expecting:\n    ${expected}`,
    );
  }

  isPunct(text: string): boolean {
    const t = this.peek();
    return t.kind === "punct" && t.text === text;
  }

  isWord(word: string): boolean {
    const t = this.peek();
    return t.kind === "word" && t.text.toUpperCase() === word;
  }

  word(word: string): void {
    if (!this.isWord(word)) this.fail(`"${word}"`);
    this.pos++;
  }

  punct(p: "(" | ")" | "," | "*"): void {
    const t = this.peek();
    if (t.kind !== "punct" || t.text !== p) this.fail(`"${p}"`);
    this.pos++;
  }

  identifier(): string {
    const t = this.peek();
    if (t.kind !== "word" || KEYWORDS.has(t.text.toUpperCase())) this.fail("<IDENTIFIER>");
    this.pos++;
    return t.text;
  }

  integer(): number {
    const t = this.peek();
    if (t.kind !== "number" || !/^\d+$/.test(t.text)) this.fail("<INTEGER>");
    this.pos++;
    return t.value;
  }

  literal(): Literal {
    const t = this.next();
    if (t.kind === "string") return { kind: "string", value: t.value, raw: t.raw };
    if (t.kind === "number") return { kind: "number", value: t.value, text: t.text };
    if (t.kind === "word" && /^(true|false)$/i.test(t.text))
      return { kind: "bool", value: t.text.toLowerCase() === "true" };
    this.pos--;
    return this.fail("<STRING> | <NUMBER> | true | false");
  }
}

const KEYWORDS = new Set([
  "SELECT",
  "FROM",
  "WHERE",
  "AND",
  "OR",
  "ORDERBY",
  "ORDER",
  "BY",
  "ASC",
  "DESC",
  "STARTPOSITION",
  "MAXRESULTS",
  "IN",
  "LIKE",
  "COUNT",
]);

export function parseQuery(text: string): ParsedQuery {
  const p = new Parser(tokenize(text));
  p.word("SELECT");
  let count = false;
  if (p.isWord("COUNT")) {
    p.next();
    p.punct("(");
    p.punct("*");
    p.punct(")");
    count = true;
  } else {
    p.punct("*");
  }
  p.word("FROM");
  const q: ParsedQuery = { count, entity: p.identifier(), where: [], orderBy: [] };
  if (p.isWord("WHERE")) {
    p.next();
    q.where.push(condition(p));
    while (p.isWord("AND")) {
      p.next();
      q.where.push(condition(p));
    }
  }
  if (p.isWord("ORDERBY") || p.isWord("ORDER")) {
    const first = p.next();
    if (first.kind === "word" && first.text.toUpperCase() === "ORDER") p.word("BY");
    q.orderBy.push(orderTerm(p));
    while (p.isPunct(",")) {
      p.next();
      q.orderBy.push(orderTerm(p));
    }
  }
  for (let i = 0; i < 2; i++) {
    if (p.isWord("STARTPOSITION") && q.startPosition === undefined) {
      p.next();
      q.startPosition = p.integer();
    } else if (p.isWord("MAXRESULTS") && q.maxResults === undefined) {
      p.next();
      q.maxResults = p.integer();
    }
  }
  if (p.peek().kind !== "eof")
    p.fail(
      q.where.length
        ? `"AND" | "ORDERBY" | "STARTPOSITION" | "MAXRESULTS" | <EOF>`
        : `"WHERE" | "ORDERBY" | "STARTPOSITION" | "MAXRESULTS" | <EOF>`,
    );
  return q;
}

function orderTerm(p: Parser): { field: string; desc: boolean } {
  const field = p.identifier();
  if (p.isWord("DESC")) {
    p.next();
    return { field, desc: true };
  }
  if (p.isWord("ASC")) p.next();
  return { field, desc: false };
}

function condition(p: Parser): Condition {
  const field = p.identifier();
  const t = p.peek();
  if (t.kind === "op") {
    p.next();
    return { field, op: t.text, values: [p.literal()] };
  }
  if (p.isWord("LIKE")) {
    p.next();
    const lit = p.literal();
    if (lit.kind !== "string") p.fail("<STRING>");
    return { field, op: "LIKE", values: [lit] };
  }
  if (p.isWord("IN")) {
    p.next();
    p.punct("(");
    const values = [p.literal()];
    while (p.isPunct(",")) {
      p.next();
      values.push(p.literal());
    }
    p.punct(")");
    return { field, op: "IN", values };
  }
  return p.fail(`"=" | "<" | ">" | "<=" | ">=" | "IN" | "LIKE"`);
}
