import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createListeners } from './create-listeners.ts';

test('createListeners: every listener hears every event, in order, until it unsubscribes', () => {
  const listeners = createListeners<number>();
  const heard: string[] = [];
  const stopA = listeners.subscribe((n) => heard.push(`a${n}`));
  listeners.subscribe((n) => heard.push(`b${n}`));
  listeners.notify(1);
  stopA();
  listeners.notify(2);
  assert.deepEqual(heard, ['a1', 'b1', 'b2']);
  assert.equal(listeners.size(), 1);
});

test('createListeners: a throwing listener neither stops the others nor reaches the notifier', () => {
  const listeners = createListeners<string>();
  const heard: string[] = [];
  listeners.subscribe(() => {
    throw new Error('printer broke');
  });
  listeners.subscribe((event) => heard.push(event));
  assert.doesNotThrow(() => listeners.notify('x'));
  assert.deepEqual(heard, ['x']);
});
