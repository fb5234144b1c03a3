import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

const onlyDataTouchesTheDatabase = {
  paths: [{ name: "@/lib/db", message: "Only lib/data talks to the database." }],
  patterns: [{ group: ["@/lib/db/*"], message: "Only lib/data talks to the database." }],
};

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
    // Layering (STYLE.md): lib never imports app/ or components/.
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/app/*", "@/components/*"],
              message: "lib/ must not import from app/ or components/.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/**", "components/**", "lib/actions/**"],
    rules: { "no-restricted-imports": ["error", onlyDataTouchesTheDatabase] },
  },
  {
    files: ["tests/**", "lib/cli/**", "*.config.*"],
    rules: { "no-console": "off" },
  },
);
