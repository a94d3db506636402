import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ParameterSpec } from './contract.ts';
import { parameterStyle, serialiseParameter } from './serialise-parameter.ts';

const string = 'blue';
const array = ['blue', 'black', 'brown'];
const object = { R: 100, G: 200, B: 150 };

type Row = [
  style: string,
  explode: boolean,
  location: ParameterSpec['in'],
  string: string,
  array: string,
  object: string,
];

// The "Style Examples" table of OpenAPI 3.1.1 (and 3.0.4), with `form`'s leading `?` left out.
// Cells the table marks n/a hold what is sent instead: the `form` serialisation.
const styleExamples: Row[] = [
  ['matrix', false, 'path', ';color=blue', ';color=blue,black,brown', ';color=R,100,G,200,B,150'],
  [
    'matrix',
    true,
    'path',
    ';color=blue',
    ';color=blue;color=black;color=brown',
    ';R=100;G=200;B=150',
  ],
  ['label', false, 'path', '.blue', '.blue,black,brown', '.R,100,G,200,B,150'],
  ['label', true, 'path', '.blue', '.blue.black.brown', '.R=100.G=200.B=150'],
  ['simple', false, 'path', 'blue', 'blue,black,brown', 'R,100,G,200,B,150'],
  ['simple', true, 'path', 'blue', 'blue,black,brown', 'R=100,G=200,B=150'],
  ['simple', false, 'header', 'blue', 'blue,black,brown', 'R,100,G,200,B,150'],
  ['simple', true, 'header', 'blue', 'blue,black,brown', 'R=100,G=200,B=150'],
  ['form', false, 'query', 'color=blue', 'color=blue,black,brown', 'color=R,100,G,200,B,150'],
  ['form', true, 'query', 'color=blue', 'color=blue&color=black&color=brown', 'R=100&G=200&B=150'],
  [
    'spaceDelimited',
    false,
    'query',
    'color=blue', // n/a
    'color=blue%20black%20brown',
    'color=R%20100%20G%20200%20B%20150',
  ],
  [
    'spaceDelimited',
    true,
    'query',
    'color=blue', // n/a
    'color=blue&color=black&color=brown', // n/a
    'R=100&G=200&B=150', // n/a
  ],
  [
    'pipeDelimited',
    false,
    'query',
    'color=blue', // n/a
    'color=blue%7Cblack%7Cbrown',
    'color=R%7C100%7CG%7C200%7CB%7C150',
  ],
  [
    'pipeDelimited',
    true,
    'query',
    'color=blue', // n/a
    'color=blue&color=black&color=brown', // n/a
    'R=100&G=200&B=150', // n/a
  ],
  [
    'deepObject',
    false,
    'query',
    'color=blue', // n/a
    'color=blue,black,brown', // n/a
    'color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150', // n/a
  ],
  [
    'deepObject',
    true,
    'query',
    'color=blue', // n/a
    'color=blue&color=black&color=brown', // n/a
    'color%5BR%5D=100&color%5BG%5D=200&color%5BB%5D=150',
  ],
  ['form', false, 'cookie', 'color=blue', 'color=blue,black,brown', 'color=R,100,G,200,B,150'],
  [
    'form',
    true,
    'cookie',
    'color=blue',
    'color=blue; color=black; color=brown',
    'R=100; G=200; B=150',
  ],
];

describe('serialiseParameter: the OAS style examples', () => {
  for (const [style, explode, location, ...want] of styleExamples) {
    const values = [string, array, object];
    values.forEach((value, index) => {
      const kind = ['string', 'array', 'object'][index];
      it(`${location} ${style}, explode ${explode}, ${kind}`, () => {
        const parameter = { name: 'color', in: location, style, explode };
        assert.equal(serialiseParameter(parameter, value), want[index]);
      });
    });
  }
});

describe('serialiseParameter: defaults, encoding and JSON content', () => {
  const cases: Array<[string, Parameters<typeof serialiseParameter>[0], unknown, string]> = [
    ['query defaults to form, exploded', { name: 'ids', in: 'query' }, [1, 2], 'ids=1&ids=2'],
    ['cookie defaults to form, exploded', { name: 'ids', in: 'cookie' }, [1, 2], 'ids=1; ids=2'],
    ['header defaults to simple', { name: 'X-Ids', in: 'header' }, [1, 2], '1,2'],
    ['path defaults to simple', { name: 'id', in: 'path' }, ['a', 'b'], 'a,b'],
    [
      'a style the location does not allow falls back to its default',
      { name: 'ids', in: 'query', style: 'matrix' },
      [1, 2],
      'ids=1&ids=2',
    ],
    [
      'query values are percent-encoded, delimiters are not',
      { name: 'q', in: 'query', explode: false },
      ['a,b', 'c&d', 'é'],
      'q=a%2Cb,c%26d,%C3%A9',
    ],
    ['path values are percent-encoded', { name: 'id', in: 'path' }, 'a b/c', 'a%20b%2Fc'],
    ['header values are not', { name: 'X-Q', in: 'header' }, 'a b/c', 'a b/c'],
    ['cookie values are', { name: 'c', in: 'cookie' }, 'a b;c', 'c=a%20b%3Bc'],
    ['booleans and null', { name: 'f', in: 'query', explode: false }, [true, null], 'f=true,'],
    ['an empty exploded array keeps the name', { name: 'ids', in: 'query' }, [], 'ids='],
    ['an empty matrix value', { name: 'm', in: 'path', style: 'matrix' }, '', ';m'],
    ['nested values are JSON', { name: 'x', in: 'header' }, [{ a: 1 }], '{"a":1}'],
    [
      'JSON content in a query',
      { name: 'filter', in: 'query', contentMediaType: 'application/json' },
      { a: [1, 2] },
      'filter=%7B%22a%22%3A%5B1%2C2%5D%7D',
    ],
    [
      'JSON content in a header, style ignored',
      { name: 'X-Filter', in: 'header', explode: true, contentMediaType: 'application/vnd.x+json' },
      { a: 1, b: 'c' },
      '{"a":1,"b":"c"}',
    ],
    [
      'JSON content: a string is quoted',
      { name: 'c', in: 'cookie', contentMediaType: 'application/json' },
      'hi',
      'c=%22hi%22',
    ],
    [
      'non-JSON content is written by style',
      { name: 't', in: 'query', contentMediaType: 'text/plain' },
      'hi',
      't=hi',
    ],
  ];
  for (const [name, parameter, value, want] of cases) {
    it(name, () => {
      assert.equal(serialiseParameter(parameter, value), want);
    });
  }
});

describe('parameterStyle', () => {
  const cases: Array<[Parameters<typeof parameterStyle>[0], { style: string; explode: boolean }]> =
    [
      [{ in: 'query' }, { style: 'form', explode: true }],
      [{ in: 'cookie' }, { style: 'form', explode: true }],
      [{ in: 'header' }, { style: 'simple', explode: false }],
      [
        { in: 'path', style: 'label' },
        { style: 'label', explode: false },
      ],
      [
        { in: 'query', style: 'deepObject', explode: true },
        { style: 'deepObject', explode: true },
      ],
      [
        { in: 'query', explode: false },
        { style: 'form', explode: false },
      ],
      [
        { in: 'header', style: 'form' },
        { style: 'simple', explode: false },
      ],
    ];
  for (const [parameter, want] of cases) {
    it(`${parameter.in} ${parameter.style ?? '(default)'} ${parameter.explode ?? ''}`, () => {
      assert.deepEqual(parameterStyle(parameter), want);
    });
  }
});
