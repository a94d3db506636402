/**
 * Runs `work` over `items` with at most `concurrency` in flight; results keep the input order.
 *
 * @example
 * await runPool([1, 2, 3], 2, async (n) => n * 2) // [2, 4, 6]
 */
export async function runPool<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  // One shared iterator: each worker takes the next item when it is free.
  const queue = items.entries();
  const worker = async (): Promise<void> => {
    for (const [index, item] of queue) results[index] = await work(item, index);
  };
  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker);
  await Promise.all(workers);
  return results;
}
