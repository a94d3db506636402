import assert from 'node:assert/strict';
import { it } from 'node:test';
import { coerceEntries, coerceParameter } from './coerce-parameter.ts';

const form = { style: 'form', explode: true };
const csv = { style: 'form', explode: false };
const simple = { style: 'simple', explode: false };
const same = (value: unknown): unknown => value;

const table: Array<[string, string[], unknown, { style: string; explode: boolean }, unknown]> = [
  ['integer', ['10'], { type: 'integer' }, form, 10],
  ['integer that is not', ['ten'], { type: 'integer' }, form, 'ten'],
  ['number', ['1.5'], { type: 'number' }, form, 1.5],
  ['boolean', ['true'], { type: 'boolean' }, form, true],
  ['type array picks the first that converts', ['7'], { type: ['null', 'integer'] }, form, 7],
  ['untyped stays a string', ['7'], {}, form, '7'],
  ['exploded array', ['1', '2'], { type: 'array', items: { type: 'integer' } }, form, [1, 2]],
  [
    'comma array (explode=false)',
    ['1,2'],
    { type: 'array', items: { type: 'integer' } },
    csv,
    [1, 2],
  ],
  [
    'pipe array',
    ['a|b'],
    { type: 'array', items: { type: 'string' } },
    { style: 'pipeDelimited', explode: false },
    ['a', 'b'],
  ],
  ['header list', ['a,b'], { type: 'array' }, simple, ['a', 'b']],
  [
    'header list with spaces',
    ['1, 2'],
    { type: 'array', items: { type: 'integer' } },
    simple,
    [1, 2],
  ],
  [
    'object, explode=false',
    ['role,admin,age,3'],
    { type: 'object', properties: { age: { type: 'integer' } } },
    csv,
    { role: 'admin', age: 3 },
  ],
  [
    'object, simple exploded',
    ['role=admin,age=3'],
    { type: 'object', properties: { age: { type: 'integer' } } },
    { style: 'simple', explode: true },
    { role: 'admin', age: 3 },
  ],
  [
    'header list, simple exploded',
    ['1,2'],
    { type: 'array', items: { type: 'integer' } },
    { style: 'simple', explode: true },
    [1, 2],
  ],
  ['empty exploded array', [''], { type: 'array' }, form, []],
  [
    'space-delimited array',
    ['a b'],
    { type: 'array' },
    { style: 'spaceDelimited', explode: false },
    ['a', 'b'],
  ],
];
for (const [name, values, schema, serialisation, want] of table) {
  it(name, () => {
    assert.deepEqual(coerceParameter(values, schema, serialisation, same), want);
  });
}

it('coerceEntries converts each property to its type, others by additionalProperties', () => {
  const schema = {
    type: 'object',
    properties: { R: { type: 'integer' } },
    additionalProperties: { type: 'boolean' },
  };
  assert.deepEqual(
    coerceEntries(
      [
        ['R', '100'],
        ['on', 'true'],
      ],
      schema,
      same,
    ),
    { R: 100, on: true },
  );
});
