import { describe, expect, it } from "vitest";
import type { PageShape } from "../../src/core/operation.js";
import { RepeatFilter } from "../../src/pagination/repeats.js";

// The repeat filter on its own: what a walk drops, by key or by the item's JSON, and what it must never drop.
const keyed = (key: string | undefined) => new RepeatFilter({ key } as PageShape);

describe("RepeatFilter", () => {
  it("hands back the page itself when nothing repeats (no copy on an honest walk)", () => {
    const filter = keyed("id");
    const page = [{ id: "a" }, { id: "b" }];
    expect(filter.filter(page)).toBe(page);
    const next = [{ id: "c" }, { id: 4 }];
    expect(filter.filter(next)).toBe(next);
  });

  it("drops an item already on the same page, and the page before's items in any order, keeping the rest in order", () => {
    const filter = keyed("id");
    filter.filter([{ id: "a" }, { id: "b" }, { id: "c" }]);
    const page = [{ id: "d" }, { id: "c", v: 2 }, { id: "e" }, { id: "d", v: 2 }, { id: "a" }, { id: "f" }];
    expect(filter.filter(page)).toEqual([{ id: "d" }, { id: "e" }, { id: "f" }]);
  });

  it("remembers two pages only: an item from two pages back is yielded again", () => {
    const filter = keyed("id");
    filter.filter([{ id: "a" }]);
    filter.filter([{ id: "b" }]);
    expect(filter.filter([{ id: "a" }, { id: "b" }])).toEqual([{ id: "a" }]);
  });

  it("never drops an item without a usable key (missing, null, an object), nor tells 1 from '1' apart wrongly", () => {
    const filter = keyed("id");
    const page = [
      { id: 1 },
      { id: "1" },
      { name: "x" },
      { name: "x" },
      { id: null },
      { id: null },
      { id: { n: 1 } },
      7,
      null,
    ];
    expect(filter.filter(page)).toBe(page);
  });

  it("without a key field, keys each item by its JSON", () => {
    const filter = keyed(undefined);
    filter.filter([{ name: "a" }, "b"]);
    expect(filter.filter(["b", { name: "a" }, { name: "c" }, { name: "c" }])).toEqual([{ name: "c" }]);
  });
});
