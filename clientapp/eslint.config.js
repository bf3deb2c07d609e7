// ESLint for the SPA: the recommended JavaScript and type-aware TypeScript rules, plus React's
// rules of hooks. Run by `npm run lint` and by scripts/test.sh.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser },
    },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      // Event handlers may be async: React ignores what they return.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Browser end-to-end tests and configuration run in Node, outside the type-checked project.
    files: ["e2e/**/*.mjs", "*.config.js"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Plain scripts the page loads as they are (public/), outside the type-checked project.
    files: ["public/**/*.js"],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
