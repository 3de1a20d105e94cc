/**
 * `huaweicloud-task-client/credentials` in a browser: everything of `./index.js` (it works in browsers too), and
 * the browser's default chain, which says that only explicit credentials exist there. Bundlers pick this file
 * through the `browser` condition.
 */
export * from "./index.js";
export { BROWSER_DEFAULT_CHAIN_MESSAGE, defaultChain } from "./browser-default-chain.js";
