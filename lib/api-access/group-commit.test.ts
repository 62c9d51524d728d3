import { describe, expect, it } from "vitest";

import { groupCommit } from "./group-commit";

describe("group commit", () => {
  it("commits the writes of one event-loop turn in one batch, then settles each", async () => {
    const batches: number[][] = [];
    const write = groupCommit<number>((items) => {
      batches.push(items);
    });
    let settled = 0;
    const writes = [1, 2, 3, 4, 5].map((item) => write(item).then(() => (settled += 1)));

    expect(batches).toEqual([]);
    expect(settled).toBe(0);

    await Promise.all(writes);

    expect(batches).toEqual([[1, 2, 3, 4, 5]]);
    expect(settled).toBe(5);
  });

  it("starts a new batch for writes made after the previous one was committed", async () => {
    const batches: string[][] = [];
    const write = groupCommit<string>((items) => {
      batches.push(items);
    });

    await Promise.all([write("a"), write("b")]);
    await write("c");

    expect(batches).toEqual([["a", "b"], ["c"]]);
  });

  it("fails only the bad write when a batch fails, committing the others one by one", async () => {
    const committed: string[] = [];
    const write = groupCommit<string>((items) => {
      if (items.includes("bad")) {
        throw new Error("constraint failed");
      }

      committed.push(...items);
    });
    const results = await Promise.allSettled([write("a"), write("bad"), write("c")]);

    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(committed).toEqual(["a", "c"]);
  });
});

describe("group commit with an asynchronous commit", () => {
  it("gathers the writes made while a batch commits into the next batch", async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const write = groupCommit<number>(async (items) => {
      batches.push(items);

      if (batches.length === 1) {
        await new Promise<void>((resolve) => (release = resolve));
      }
    });
    const first = write(1);

    await new Promise((resolve) => setImmediate(resolve));

    const later = [write(2), write(3)];

    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([[1]]);

    release();
    await Promise.all([first, ...later]);

    expect(batches).toEqual([[1], [2, 3]]);
  });
});
