/**
 * Collects the writes that arrive during one turn of the event loop and commits them in one
 * transaction. Each caller's promise settles only once the transaction holding its write has
 * committed, so an answer is never sent before its audit row is stored. A failed batch is
 * retried write by write, so a bad row fails its own call and no other.
 */
export function groupCommit<T>(commit: (items: T[]) => void): (item: T) => Promise<void> {
  let pending: { item: T; resolve: () => void; reject: (error: unknown) => void }[] = [];

  function flush(): void {
    const batch = pending;

    pending = [];

    try {
      commit(batch.map((entry) => entry.item));
      batch.forEach((entry) => entry.resolve());
    } catch (batchError) {
      if (batch.length === 1) {
        batch[0]?.reject(batchError);

        return;
      }

      for (const entry of batch) {
        try {
          commit([entry.item]);
          entry.resolve();
        } catch (error) {
          entry.reject(error);
        }
      }
    }
  }

  return (item) =>
    new Promise<void>((resolve, reject) => {
      pending.push({ item, resolve, reject });

      if (pending.length === 1) {
        setImmediate(flush);
      }
    });
}
