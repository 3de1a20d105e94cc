/**
 * Default identity of the stand-in server: the project it serves and the credentials it accepts.
 * These are fake values for loopback tests only; tests may override every one through the server options.
 */

/** The project id from the CreateTask page's API Explorer example. */
export const DEFAULT_PROJECT_ID = "9d4f774865034d119917acc61b1b806e";

/** Accepted `X-Auth-Token` value. */
export const DEFAULT_TOKEN = "stand-in-token-0001";

/** Accepted access key (20 upper-case characters, like real AKs) and its secret key. */
export const DEFAULT_AK = "STANDINAK00000000001";
export const DEFAULT_SK = "stand-in-secret-key-0001";

/** The PRNG seed used when the options give none, so every run sees the same data. */
export const DEFAULT_RNG_SEED = 20250801;

/** Seeded store sizes when the options give none: enough for several pages at every page size. */
export const DEFAULT_SEED_SIZES = { tasks: 250, imageScanTasks: 120, jobs: 150, repos: 60 } as const;
