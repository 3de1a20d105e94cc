import type { PageShape } from "../core/operation.js";

/**
 * Drops items already yielded, keyed by the operation's identity field (`x-pagination.key`, e.g. `task_id`), or
 * by the item's JSON when it has none. It holds the keys of the page before and of the current one only — the
 * repeats an honest list produces (an item inserted ahead of the offset between two requests pushes the page
 * before's last items onto the next page, in any order) — so memory stays at two pages whatever the walk's
 * length. An item without a usable key is never dropped.
 */
export class RepeatFilter {
  private previous = new Set<unknown>();
  private readonly key: string | undefined;

  constructor({ key }: PageShape) {
    this.key = key;
  }

  /** The items of `page` not seen on the page before nor earlier on this page; `page` itself when none repeat. */
  filter(page: readonly unknown[]): readonly unknown[] {
    const { previous, key } = this;
    const current = new Set<unknown>();
    let kept: unknown[] | undefined;
    for (let index = 0; index < page.length; index++) {
      const item = page[index];
      const id = key === undefined ? JSON.stringify(item) : keyValue(item, key);
      // One lookup per item on this page: a key already on it leaves the set's size as it was.
      let repeat = false;
      if (id !== undefined) {
        const size = current.size;
        repeat = current.add(id).size === size || previous.has(id);
      }
      if (repeat) kept ??= page.slice(0, index);
      else kept?.push(item);
    }
    this.previous = current;
    return kept ?? page;
  }
}

function keyValue(item: unknown, key: string): unknown {
  if (typeof item !== "object" || item === null) return undefined;
  const value = (item as Record<string, unknown>)[key];
  return typeof value === "string" || typeof value === "number" ? value : undefined;
}
