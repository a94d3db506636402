import type { ExpressionIssue } from './types.ts';

/** A body pointer as read from an expression: the pointer to use and what was wrong with it. */
export interface PointerReading {
  pointer: string;
  issues: ExpressionIssue[];
}

const dottedToken = /^[^.]+(?:\.[^.]+)+$/;

/**
 * Checks the JSON pointer of `$request.body#…` (RFC 6901) and repairs what it can:
 * a missing leading `/` is added and a `~` not followed by `0` or `1` is read as a literal `~`.
 *
 * @example
 * readJsonPointer('/a~1b') // { pointer: '/a~1b', issues: [] }
 */
export function readJsonPointer(text: string, expression: string): PointerReading {
  const issues: ExpressionIssue[] = [];
  let pointer = text;
  if (pointer !== '' && !pointer.startsWith('/')) {
    pointer = `/${pointer}`;
    issues.push({
      code: 'expression.invalid-pointer',
      severity: 'warning',
      message: `"${expression}" has a JSON pointer that does not start with "/"; it is read as "${pointer}". Write it as "#${pointer}".`,
    });
  }
  if (/~(?![01])/.test(pointer)) {
    pointer = pointer.replace(/~(?![01])/g, '~0');
    issues.push({
      code: 'expression.invalid-pointer',
      severity: 'warning',
      message: `"${expression}" has a "~" that is not "~0" or "~1" (RFC 6901); it is read as a literal "~". Escape "~" as "~0" and "/" as "~1".`,
    });
  }
  const dotted = pointer
    .split('/')
    .slice(1)
    .filter((token) => dottedToken.test(token));
  if (dotted.length > 0) {
    const nested = pointer
      .split('/')
      .map((token) => (dottedToken.test(token) ? token.split('.').join('/') : token))
      .join('/');
    issues.push({
      code: 'expression.dotted-pointer',
      severity: 'info',
      message: `"${expression}" reads a body property literally named "${dotted[0]}"; if a nested property is meant, write "#${nested}". Both readings are tried when evaluating.`,
    });
  }
  return { pointer, issues };
}
