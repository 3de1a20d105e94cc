/**
 * The services the stand-in serves, each a module with its error style, handlers, store and seed
 * (services/<name>/). The store is one object holding every service's part, so tests see `store.tasks`,
 * `store.jobs`.
 */
import type { StandInService } from "../engine/service.js";
import { createRng } from "./prng.js";
import { hssService } from "./hss/index.js";
import { seedHss, type HssSeedSizes } from "./hss/seed.js";
import type { HssStore } from "./hss/store.js";
import { swrService } from "./swr/index.js";
import { seedSwr, type SwrSeedSizes } from "./swr/seed.js";
import type { SwrStore } from "./swr/store.js";

export type StandInStore = HssStore & SwrStore;
export type SeedSizes = HssSeedSizes & SwrSeedSizes;

export const SERVICES: readonly StandInService<StandInStore>[] = [hssService, swrService];

/** The same sizes and PRNG seed always give the same store: one PRNG, drawn from by each service in turn. */
export function seedStore(sizes: SeedSizes, rngSeed: number): StandInStore {
  const rng = createRng(rngSeed);
  return { ...seedHss(rng, sizes), ...seedSwr(rng, sizes) };
}
