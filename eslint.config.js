// ESLint (flat config) with typescript-eslint's type-aware rules, for `npm run lint`. Formatting is Prettier's.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  // generated/ is the generator's output: type-checked by tsc, and reviewed through the spec it comes from.
  { ignores: ["dist/", "site/", "coverage/", "node_modules/", ".tmp/", "generated/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      // tsconfig.dev.json covers every TypeScript tree (src, generated, scripts, test, bench, examples).
      parserOptions: { project: "./tsconfig.dev.json", tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // `{}` is the type of "no declared response headers" and of generic defaults; it means what it says.
      "@typescript-eslint/no-empty-object-type": ["error", { allowObjectTypes: "always" }],
      // An aborted call rejects with the signal's reason as given, like fetch does: it need not be an Error.
      "@typescript-eslint/prefer-promise-reject-errors": "off",
      // Providers and steps are `async` so that a synchronous throw becomes a rejection, with or without an await.
      "@typescript-eslint/require-await": "off",
      // The validator signals a bad field with its own small record, caught a few lines up and turned into
      // InvalidInputError there; a full Error (with a stack) per probe would cost for nothing.
      "@typescript-eslint/only-throw-error": ["error", { allow: [{ from: "file", name: "Problem" }] }],
    },
  },
  {
    // Type-level helpers infer from `Method<any, any>` and openapi-fetch's `Client<any>`: `any` is the variance
    // escape there, not an unchecked value.
    files: ["src/core/method.ts", "src/core/pipeline/types.ts", "src/paginate.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Tests, benchmarks and tools read JSON bodies, fixtures and YAML as untyped data on purpose, and test doubles
    // are async without awaiting; the unsafe-* family would only demand casts that assert nothing.
    files: ["test/**", "bench/**", "scripts/**", "examples/**"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/unbound-method": "off",
      "@typescript-eslint/only-throw-error": "off",
      // Tests stringify credentials and errors on purpose, to prove no secret shows.
      "@typescript-eslint/no-base-to-string": "off",
      "@typescript-eslint/no-redundant-type-constituents": "off",
      // node:http handlers are async functions; the server ignores their promise, as the tests intend.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: false }],
    },
  },
  // Plain JavaScript (the runtime smoke scripts, these configs) and the root config files: outside
  // tsconfig.dev.json, so no type information to check against.
  { files: ["**/*.js", "**/*.mjs", "**/*.cjs", "*.config.ts"], ...tseslint.configs.disableTypeChecked },
  {
    files: ["**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { require: "readonly", process: "readonly", console: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { console: "readonly", globalThis: "readonly", process: "readonly" } },
  },
);
