import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

// The dependency direction of docs/architecture.md; tests/unit/import-graph.test.ts
// checks the rest (no cycles, PrismaClient and db only where they belong).
const databasePaths = [{ name: "@/lib/db", message: "Only lib/data talks to the database." }];
const databasePatterns = [
  { group: ["@/lib/db/*"], message: "Only lib/data talks to the database." },
];
const uiPatterns = [
  {
    group: ["@/app/*", "@/components/*"],
    message: "lib/ must not import from app/ or components/.",
  },
];

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      ".data/**",
      "node_modules/**",
      "lib/db/generated/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      "tests/bench/results/**", // benchmark output, including the generated framework-floor app
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": [
        "error",
        { checksVoidReturn: { attributes: false } },
      ],
      "@typescript-eslint/await-thenable": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "no-console": "error",
    },
  },
  {
    // lib never imports app/ or components/.
    files: ["lib/**"],
    rules: { "no-restricted-imports": ["error", { patterns: uiPatterns }] },
  },
  {
    // Only lib/data uses the database (lib/db is the database; the CLI and the
    // server start-up migrate it and close it).
    files: ["lib/**"],
    ignores: ["lib/data/**", "lib/db/**", "lib/cli/**", "lib/server/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: databasePaths, patterns: [...databasePatterns, ...uiPatterns] },
      ],
    },
  },
  {
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": ["error", { paths: databasePaths, patterns: databasePatterns }],
    },
  },
  {
    files: ["tests/**", "lib/cli/**", "*.config.*"],
    rules: { "no-console": "off" },
  },
);
