type Entry<T> = { item: T; resolve: () => void; reject: (error: unknown) => void };

/**
 * Collects the writes that arrive while the previous batch commits (or during one turn of the
 * event loop) and commits them together. Each caller's promise settles only once the transaction
 * holding its write has committed, so an answer is never sent before its audit row is stored. A
 * failed batch is retried write by write, so a bad row fails its own call and no other.
 */
export function groupCommit<T>(
  commit: (items: T[]) => void | Promise<void>,
): (item: T) => Promise<void> {
  let pending: Entry<T>[] = [];
  let isCommitting = false;

  async function commitEach(batch: Entry<T>[]): Promise<void> {
    for (const entry of batch) {
      try {
        await commit([entry.item]);
        entry.resolve();
      } catch (error) {
        entry.reject(error);
      }
    }
  }

  async function flush(): Promise<void> {
    const batch = pending;

    pending = [];
    isCommitting = true;

    try {
      await commit(batch.map((entry) => entry.item));
      batch.forEach((entry) => entry.resolve());
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
      } else {
        await commitEach(batch);
      }
    } finally {
      isCommitting = false;

      if (pending.length > 0) {
        setImmediate(flush);
      }
    }
  }

  return (item) =>
    new Promise<void>((resolve, reject) => {
      pending.push({ item, resolve, reject });

      if (pending.length === 1 && !isCommitting) {
        setImmediate(flush);
      }
    });
}
