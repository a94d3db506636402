import type { SimpleFaker } from '@faker-js/faker';
import { lazily } from '../load-lazily.ts';

const fakerLibrary = lazily<typeof import('@faker-js/faker')>('@faker-js/faker');
let generator: SimpleFaker | undefined;
/** One generator, seeded from the pattern before each use: the same pattern gives the same string. */
function faker(): SimpleFaker {
  generator ??= new (fakerLibrary().SimpleFaker)();
  return generator;
}

/** How many seeds are tried before a pattern is given up on. */
const attempts = 8;

/**
 * A string that matches a schema's `pattern` (read as a Unicode regular expression, as the
 * validator reads it), or `undefined` when none is found. Anchors and the `\d` / `\w` / `\s`
 * classes, which faker's `fromRegExp` does not know, are rewritten first; every candidate is
 * checked against the real expression, so what comes back always matches.
 *
 * @example
 * samplePattern('^[0-9]{2}:[0-9]{2}$') // '48:07'
 */
export function samplePattern(pattern: string): string | undefined {
  let expression: RegExp;
  try {
    expression = new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
  const template = toTemplate(pattern);
  const seed = hash(pattern);
  for (let attempt = 0; attempt < attempts; attempt++) {
    faker().seed(seed + attempt);
    let candidate: string;
    try {
      candidate = faker().helpers.fromRegExp(template);
    } catch {
      return undefined;
    }
    if (expression.test(candidate)) return candidate;
  }
  return undefined;
}

const classes: Record<string, { inside: string; outside: string }> = {
  d: { inside: '0-9', outside: '[0-9]' },
  w: { inside: 'a-zA-Z0-9_', outside: '[a-zA-Z0-9_]' },
  s: { inside: ' ', outside: ' ' },
};

/**
 * The pattern in the subset `fromRegExp` understands, as far as it can be said there: anchors
 * dropped, the first of each set of alternatives, groups written out (optional ones and
 * lookarounds left out), `\d` / `\w` / `\s` as classes, an escaped character as a class of itself.
 */
function toTemplate(pattern: string): string {
  let text = pattern;
  if (text.startsWith('^')) text = text.slice(1);
  if (text.endsWith('$') && !text.endsWith('\\$')) text = text.slice(0, -1);
  return writeOut(text);
}

function writeOut(pattern: string): string {
  const text = firstAlternative(pattern);
  let out = '';
  let inClass = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index] ?? '';
    if (char === '\\' && index + 1 < text.length) {
      const next = text[++index] ?? '';
      const known = classes[next];
      if (known !== undefined) out += inClass ? known.inside : known.outside;
      else if (inClass) out += /[\]\\^-]/.test(next) ? `\\${next}` : next;
      else out += `[${next}]`;
    } else if (char === '(' && !inClass) {
      const close = closingParen(text, index);
      if (close < 0) return out;
      const inner = text.slice(index + 1, close);
      const quantifier = /^(?:[?*+]|\{(\d+)(?:,\d*)?\})\??/.exec(text.slice(close + 1));
      index = close + (quantifier?.[0].length ?? 0);
      // A lookaround matches no characters of its own.
      if (/^\?<?[=!]/.test(inner)) continue;
      const times = quantifier === null ? 1 : repeatCount(quantifier);
      out += writeOut(inner.replace(/^\?(?::|<[^>]*>)/, '')).repeat(times);
    } else {
      if (char === '[' && !inClass) inClass = true;
      else if (char === ']' && inClass) inClass = false;
      out += char;
    }
  }
  return out;
}

/** How often a quantified group is written: its least count, once for `+`. */
function repeatCount(quantifier: RegExpExecArray): number {
  const symbol = quantifier[0][0];
  if (symbol === '?' || symbol === '*') return 0;
  if (symbol === '+') return 1;
  return Number(quantifier[1] ?? 1);
}

/** The first of the top-level alternatives (`a|b` → `a`). */
function firstAlternative(text: string): string {
  let depth = 0;
  let inClass = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') index++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) return text.slice(0, index);
  }
  return text;
}

/** Index of the `)` closing the group opened at `open`, or -1. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let index = open; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') index++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return index;
  }
  return -1;
}

/** A small stable hash (FNV-1a), so seeds do not depend on the run. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}
