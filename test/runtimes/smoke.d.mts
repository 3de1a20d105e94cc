/** Types of smoke.mjs (plain JavaScript, so that every runtime and the browser page load it as is). */
export interface SmokeConfig {
  url: string;
  projectId: string;
  token: string;
  ak: string;
  sk: string;
}
export declare function smoke(lib: unknown, config: SmokeConfig): Promise<unknown>;
export declare const RESULT_PREFIX: string;
