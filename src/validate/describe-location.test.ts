import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeLocation } from './describe-location.ts';

const table: Array<[string, string]> = [
  ['/body', 'body'],
  ['/body/paid', 'body.paid'],
  ['/body/items/0/paid', 'body.items[0].paid'],
  ['/body/a b', 'body["a b"]'],
  ['/body/a~1b', 'body["a/b"]'],
  ['/headers/x-sig', 'header x-sig'],
  ['/query/tags/1', 'query parameter tags[1]'],
  ['/path/$request.body#~1id', 'path parameter $request.body#/id'],
  ['/response/body/title', 'response body.title'],
  ['/response/headers/x-id', 'response header x-id'],
  ['', 'request'],
];
for (const [where, want] of table) {
  it(`describeLocation(${JSON.stringify(where)})`, () => {
    assert.equal(describeLocation(where), want);
  });
}
