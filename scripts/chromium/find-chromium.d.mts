/** Types of find-chromium.mjs (plain JavaScript, so that `npm run setup` runs it with Node alone). */
export interface FoundChromium {
  path: string;
  source: "CHROMIUM_PATH" | "system" | "PATH" | "Playwright cache";
}
export interface FindChromiumOptions {
  env?: Record<string, string | undefined>;
  platform?: string;
  home?: string;
  systemPaths?: string[];
}
export declare const NO_CHROMIUM_HINT: string;
export declare function findChromium(options?: FindChromiumOptions): FoundChromium | undefined;
