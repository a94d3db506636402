import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../validate/finding.ts';
import type { Contract, ParameterSpec } from './contract.ts';
import { lintParameters } from './lint-parameters.ts';

function parameter(name: string, location: ParameterSpec['in'], media?: string): ParameterSpec {
  return {
    name,
    in: location,
    required: false,
    examples: [],
    pointer: `/p/${name}`,
    ...(media === undefined ? {} : { contentMediaType: media }),
  };
}

function contract(parameters: ParameterSpec[]): Contract {
  return {
    id: 'webhook/hook/post',
    kind: 'webhook',
    name: 'hook',
    method: 'post',
    operation: { method: 'post', tags: [], parameters, responses: [], security: [], pointer: '/o' },
    pointer: '/w',
  };
}

const form = 'application/x-www-form-urlencoded';

describe('lintParameters', () => {
  const cases: Array<[string, ParameterSpec[], Array<[string, string]>]> = [
    ['no querystring', [parameter('a', 'query')], []],
    ['one querystring with content', [parameter('q', 'querystring', form)], []],
    [
      'two querystring parameters',
      [parameter('q', 'querystring', form), parameter('r', 'querystring', form)],
      [['error', '/p/r']],
    ],
    [
      'a query parameter beside a querystring',
      [parameter('q', 'querystring', form), parameter('a', 'query'), parameter('h', 'header')],
      [['error', '/p/a']],
    ],
    ['a querystring without content', [parameter('q', 'querystring')], [['warning', '/p/q']]],
  ];
  for (const [name, parameters, want] of cases) {
    it(name, () => {
      const findings: Finding[] = [];
      lintParameters(contract(parameters), (finding) => findings.push(finding));
      assert.deepEqual(
        findings.map((finding) => [finding.severity, finding.spec]),
        want,
      );
      assert.ok(findings.every((finding) => finding.check === 'parameter.querystring'));
    });
  }
});
