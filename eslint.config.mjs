// Lint: typescript-eslint's recommended rules, the Office add-in rules (no context.sync in loops,
// load before read, isNullObject checks), and a wall that keeps src/core free of Office and Node.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import prettier from "eslint-plugin-prettier";
import globals from "globals";

export default tseslint.config(
  {
    ignores: ["test/.tmp/**", "dist/**", "node_modules/**", "coverage/**", "out/**", "bin/**", ".preview/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,js,mjs,cjs}"],
    plugins: { "office-addins": officeAddins, prettier },
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "prettier/prettier": ["error", { endOfLine: "auto" }],
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    files: ["**/*.{js,cjs}"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // ExcelJS in Node, not Office.js: the context.sync/load rules mistake its getCell() for Excel's.
    files: ["src/cli/**/*.ts", "scripts/**/*.ts", "test/cli/**/*.ts"],
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-context-sync-in-loop": "off",
    },
  },
  {
    // The domain stays pure: no Office, no Node, no DOM in src/core.
    files: ["src/core/**/*.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "fs", "path", "os", "child_process", "exceljs", "*/excel/*", "*/cli/*"],
              message: "src/core is pure TypeScript: no Node, Office or adapter imports.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", "Office", "Excel", "window", "document", "process", "require"],
    },
  },
  {
    // One door into the engine: outside src/core, import from src/core (its index.ts), never past it.
    // scripts/dev/core-door.mjs rewrites deep imports; tests may still look inside what they test.
    files: ["src/**/*.ts", "scripts/**/*.{ts,js,mjs,cjs}"],
    ignores: ["src/core/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^\\.{1,2}/(?:.*/)?core/(?!index(?:\\.[jt]s)?$).+",
              message: "Import the engine from src/core (its index.ts), not from a file inside it.",
            },
          ],
        },
      ],
    },
  },
  {
    // innerHTML with cell content is how injection happens; the UI builds DOM nodes instead.
    files: ["src/taskpane/**/*.ts", "src/commands/**/*.ts", "src/shared/**/*.ts", "test/preview/**/*.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: "Build DOM nodes with textContent; cell text is data." },
        { property: "outerHTML", message: "Build DOM nodes with textContent; cell text is data." },
        { property: "insertAdjacentHTML", message: "Build DOM nodes with textContent; cell text is data." },
      ],
    },
  },
);
