import { escapePointerToken } from '../json-pointer.ts';
import { readJsonPointer } from './read-json-pointer.ts';
import type { ExpressionDialect, ExpressionIssue, ExpressionSource } from './types.ts';

/** One expression as read: what it reads, with which grammar, and its problems. */
export interface ExpressionReading {
  source: ExpressionSource;
  dialect: ExpressionDialect;
  issues: ExpressionIssue[];
}

const headerToken = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const identifier = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const plainVariable = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * Reads the text of one runtime expression (without its braces): the OpenAPI grammar,
 * then FastAPI's dialect, then the malformed forms seen in real documents. Never throws.
 *
 * @example
 * readExpression('$request.query.callback_url').source // { type: 'query', name: 'callback_url' }
 */
export function readExpression(text: string): ExpressionReading {
  const expression = text.trim();
  if (expression.startsWith('$')) {
    return readStandard(expression) ?? readFastApi(expression) ?? unknown(expression, 'standard');
  }
  if (/^(?:request|response)\./.test(expression)) {
    const again = readExpression(`$${expression}`);
    if (again.source.type !== 'unknown') {
      return {
        source: again.source,
        dialect: 'lenient',
        issues: [
          {
            code: 'expression.missing-dollar',
            severity: 'warning',
            message: `"{${expression}}" lacks the leading "$" of a runtime expression; it is read as "{$${expression}}". Add the "$".`,
          },
          ...again.issues,
        ],
      };
    }
    return unknown(expression, 'lenient');
  }
  if (plainVariable.test(expression)) {
    return {
      source: { type: 'parameter', name: expression, style: 'plain' },
      dialect: 'lenient',
      issues: [
        {
          code: 'expression.plain-variable',
          severity: 'warning',
          message: `"{${expression}}" is a plain variable, not a runtime expression; it is read as the trigger operation's parameter "${expression}". Write where the URL comes from, e.g. "{$request.body#/${expression}}".`,
        },
      ],
    };
  }
  return unknown(expression, 'lenient');
}

function readStandard(expression: string): ExpressionReading | undefined {
  if (expression === '$url') return standard({ type: 'url' });
  if (expression === '$method') return standard({ type: 'method' });
  if (expression === '$statusCode') return standard({ type: 'statusCode' });
  const match = /^\$(request|response)\.(header|query|path|body)(.*)$/s.exec(expression);
  if (!match) return undefined;
  const from = match[1] === 'response' ? 'response' : 'request';
  const kind = match[2];
  const rest = match[3] ?? '';
  if (kind === 'body') {
    if (rest === '') return standard({ type: 'body', from, pointer: '' });
    if (!rest.startsWith('#')) return undefined;
    const reading = readJsonPointer(rest.slice(1), expression);
    return {
      source: { type: 'body', from, pointer: reading.pointer },
      dialect: 'standard',
      issues: reading.issues,
    };
  }
  const name = rest.startsWith('.') ? rest.slice(1) : '';
  if (name === '') return unknown(expression, 'standard', `"${expression}" names no ${kind}.`);
  if (kind === 'header') {
    if (!headerToken.test(name)) {
      return unknown(expression, 'standard', `"${name}" is not a valid header name.`);
    }
    return standard({ type: 'header', from, name });
  }
  if (from === 'response') {
    return unknown(
      expression,
      'standard',
      `a response has no ${kind} parameters; only "$response.header" and "$response.body" exist.`,
    );
  }
  return standard(kind === 'query' ? { type: 'query', name } : { type: 'path', name });
}

function readFastApi(expression: string): ExpressionReading | undefined {
  const dotted = /^\$(request|response)\.body\.(.+)$/s.exec(expression);
  if (dotted) {
    const fields = (dotted[2] ?? '').split('.');
    if (fields.some((field) => field === '')) return undefined;
    const pointer = fields.map((field) => `/${escapePointerToken(field)}`).join('');
    const from = dotted[1] === 'response' ? 'response' : 'request';
    return fastApi({ type: 'body', from, pointer }, expression, `"$${from}.body#${pointer}"`);
  }
  const name = expression.slice(1);
  if (identifier.test(name) && name !== 'request' && name !== 'response') {
    return fastApi(
      { type: 'parameter', name },
      expression,
      `"$request.query.${name}" ($request.header.${name} or $request.path.${name} where the trigger declares it there)`,
    );
  }
  return undefined;
}

function standard(source: ExpressionSource): ExpressionReading {
  return { source, dialect: 'standard', issues: [] };
}

function fastApi(source: ExpressionSource, expression: string, instead: string): ExpressionReading {
  return {
    source,
    dialect: 'fastapi',
    issues: [
      {
        code: 'expression.fastapi-dialect',
        severity: 'warning',
        message: `"{${expression}}" is FastAPI's dialect, not an OpenAPI runtime expression; other tools will not understand it. The standard form is ${instead}.`,
      },
    ],
  };
}

function unknown(expression: string, dialect: ExpressionDialect, why?: string): ExpressionReading {
  return {
    source: { type: 'unknown', text: expression },
    dialect,
    issues: [
      {
        code: 'expression.unknown-source',
        severity: 'warning',
        message: `"{${expression}}" is not a runtime expression${why ? `: ${why}` : ''}. Use one of $url, $method, $statusCode, $request.header.N, $request.query.N, $request.path.N, $request.body#/pointer, $response.header.N, $response.body#/pointer.`,
      },
    ],
  };
}
