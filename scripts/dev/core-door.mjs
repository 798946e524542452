#!/usr/bin/env node
// Codemod: every import (or re-export) that reaches into src/core/<file> from outside src/core
// becomes an import from the door, src/core/index.ts. Imports of one file from the door are merged
// into one statement (type-only names keep `type`); the files changed are formatted with prettier.
//
//   node scripts/dev/core-door.mjs          rewrite src/ (outside src/core) and scripts/
//   node scripts/dev/core-door.mjs --check  list what would change, exit 1 if anything would
//   node scripts/dev/core-door.mjs FILE...  only these files
//
// Inside src/core, imports of the names that moved to model/ (MOVED below) are taken from their new
// module instead of the shim that re-exports them, so the shims can go. Tests are left alone: a unit
// test may look inside the module it tests. Names the door does not export yet are added to its
// end (without --check), from the module they were imported from; --check lists them.
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import * as prettier from "prettier";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const core = join(root, "src", "core");
const door = join(core, "index.ts");
const args = process.argv.slice(2);
const check = args.includes("--check");
const named = args.filter((a) => !a.startsWith("--")).map((a) => resolve(a));

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "dist") continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(name) && !name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

const inside = (p, dir) => p === dir || p.startsWith(dir + sep);
const all = named.length ? named : [...walk(join(root, "src")), ...walk(join(root, "scripts"))];
const files = all.filter((f) => !inside(f, core));
const coreFiles = all.filter((f) => inside(f, core) && f !== door);

/** Names that moved out of a core module (a shim re-exports them there until nothing imports them so). */
const MOVED = {
  "grid/cell": {
    to: "model/snapshot",
    names: [
      "CellError",
      "CellRange",
      "CellValue",
      "DefinedNameSnapshot",
      "SheetSnapshot",
      "WorkbookSnapshot",
    ],
  },
  engine: { to: "model/analysis", names: ["Analysis"] },
};

/** The names the door exports, to report the ones an import needs and the door lacks. */
function doorNames() {
  try {
    const src = ts.createSourceFile(door, readFileSync(door, "utf8"), ts.ScriptTarget.Latest, true);
    const names = new Set();
    for (const st of src.statements)
      if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause))
        for (const el of st.exportClause.elements) names.add(el.name.text);
    return names;
  } catch {
    return new Set();
  }
}
const exported = doorNames();

/** The module specifier resolved to a file path without extension, or null when not relative. */
function target(file, spec) {
  if (!spec.startsWith(".")) return null;
  return resolve(dirname(file), spec).replace(/\.(ts|js)$/, "");
}

/** Is this a deep path into core (anything but the door itself)? */
function deep(file, spec) {
  const t = target(file, spec);
  if (t === null || !inside(t, core)) return false;
  return t !== core && t !== join(core, "index");
}

function doorSpec(file) {
  let rel = relative(dirname(file), core).split(sep).join("/");
  if (!rel.startsWith(".")) rel = "./" + rel;
  return rel;
}

const missing = new Map();
let changed = 0;

for (const file of files) {
  const text = readFileSync(file, "utf8");
  if (!text.includes("core")) continue;
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const spec = doorSpec(file);
  /** Merged named imports: name -> { alias, typeOnly }. */
  const imports = new Map();
  let importsTypeOnly = true;
  const edits = []; // { start, end, text }
  /** A name the door must export; `from` is the core module it came from (null: not known). */
  const need = (name, from, typeOnly) => {
    if (exported.size && !exported.has(name)) {
      const module =
        from && deep(file, from) ? relative(core, target(file, from)).split(sep).join("/") : null;
      const m = missing.get(name) ?? { module, typeOnly: true, files: new Set() };
      m.module ??= module;
      m.typeOnly &&= typeOnly;
      m.files.add(relative(root, file));
      missing.set(name, m);
    }
  };

  for (const st of src.statements) {
    const isImport = ts.isImportDeclaration(st);
    const isExport = ts.isExportDeclaration(st);
    if (!(isImport || isExport) || !st.moduleSpecifier || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const from = st.moduleSpecifier.text;
    const toDoor = deep(file, from);
    const atDoor =
      !toDoor && target(file, from) !== null && [core, join(core, "index")].includes(target(file, from));
    if (!toDoor && !atDoor) continue;
    const clause = isImport ? st.importClause : null;
    const mergeable =
      isImport && clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings);
    if (mergeable) {
      for (const el of clause.namedBindings.elements) {
        const name = (el.propertyName ?? el.name).text;
        const alias = el.propertyName ? el.name.text : null;
        const typeOnly = clause.isTypeOnly || el.isTypeOnly;
        need(name, from, typeOnly);
        const key = `${name} as ${alias ?? name}`;
        const prev = imports.get(key);
        imports.set(key, { name, alias, typeOnly: prev ? prev.typeOnly && typeOnly : typeOnly });
        if (!typeOnly) importsTypeOnly = false;
      }
      edits.push({ start: st.getFullStart(), end: st.getEnd(), text: "", node: st });
    } else if (toDoor) {
      // A namespace or default import, a side-effect import, a re-export: only the path changes.
      if (isExport && st.exportClause && ts.isNamedExports(st.exportClause))
        for (const el of st.exportClause.elements)
          need((el.propertyName ?? el.name).text, from, st.isTypeOnly || el.isTypeOnly);
      if (clause && clause.namedBindings && ts.isNamespaceImport(clause.namedBindings))
        console.warn(
          `${relative(root, file)}: namespace import of ${from}; rewritten, check the names it uses`,
        );
      const lit = st.moduleSpecifier;
      const quote = lit.getText(src)[0];
      edits.push({ start: lit.getStart(src), end: lit.getEnd(), text: `${quote}${spec}${quote}` });
    }
  }
  const merged = edits.filter((e) => e.node);
  if (merged.length === 0 && edits.length === 0) continue;
  const onlyDoorAlready =
    merged.length === 1 && edits.length === 1 && !deep(file, merged[0].node.moduleSpecifier.text);
  if (onlyDoorAlready) continue;

  let out = text;
  if (merged.length) {
    const list = [...imports.values()].sort((a, b) => a.name.localeCompare(b.name));
    const part = (i) =>
      `${!importsTypeOnly && i.typeOnly ? "type " : ""}${i.name}${i.alias ? ` as ${i.alias}` : ""}`;
    const stmt = `import ${importsTypeOnly ? "type " : ""}{ ${list.map(part).join(", ")} } from "${spec}";`;
    // The merged statement takes the place of the first import it replaces (after its leading comments).
    const first = merged[0].node;
    const lead = text.slice(first.getFullStart(), first.getStart(src));
    for (const e of merged) if (e.node === first) e.text = lead + stmt;
    // Removing a later import takes its line break with it.
    for (const e of merged) if (e.node !== first) e.start = e.node.getFullStart();
  }
  for (const e of [...edits].sort((a, b) => b.start - a.start))
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  if (out === text) continue;
  const options = (await prettier.resolveConfig(file)) ?? {};
  out = await prettier.format(out, { ...options, filepath: file });
  if (out === text) continue;
  changed++;
  console.log(`${check ? "would rewrite" : "rewrote"} ${relative(root, file)}`);
  if (!check) writeFileSync(file, out);
}

// Inside core: moved names from their new module.
for (const file of coreFiles) {
  const text = readFileSync(file, "utf8");
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const edits = [];
  for (const st of src.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const t = target(file, st.moduleSpecifier.text);
    if (t === null) continue;
    const from = relative(core, t).split(sep).join("/");
    const move = MOVED[from];
    const clause = st.importClause;
    if (!move || !clause || clause.name || !clause.namedBindings || !ts.isNamedImports(clause.namedBindings))
      continue;
    const els = clause.namedBindings.elements;
    const moved = els.filter((el) => move.names.includes((el.propertyName ?? el.name).text));
    if (moved.length === 0) continue;
    const kept = els.filter((el) => !moved.includes(el));
    const text1 = (el) => el.getText(src).replace(/^type\s+/, "");
    let to = relative(dirname(file), join(core, move.to)).split(sep).join("/");
    if (!to.startsWith(".")) to = "./" + to;
    const quote = st.moduleSpecifier.getText(src)[0];
    const lines = [`import type { ${moved.map(text1).join(", ")} } from ${quote}${to}${quote};`];
    if (kept.length) {
      const typeOnly = clause.isTypeOnly || kept.every((el) => el.isTypeOnly);
      const part = (el) => (typeOnly ? text1(el) : el.getText(src));
      const keptSpec = st.moduleSpecifier.getText(src);
      lines.unshift(`import ${typeOnly ? "type " : ""}{ ${kept.map(part).join(", ")} } from ${keptSpec};`);
    }
    edits.push({ start: st.getStart(src), end: st.getEnd(), text: lines.join("\n") });
  }
  if (edits.length === 0) continue;
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  const options = (await prettier.resolveConfig(file)) ?? {};
  out = await prettier.format(out, { ...options, filepath: file });
  if (out === text) continue;
  changed++;
  console.log(`${check ? "would rewrite" : "rewrote"} ${relative(root, file)}`);
  if (!check) writeFileSync(file, out);
}

// Names imported from a core file that the door does not export yet: added to the door (grouped by
// module, at its end, to be moved into its groups by hand), or only listed with --check.
const added = new Map(); // module -> { values: [], types: [] }
for (const [name, m] of missing) {
  const where = [...m.files].join(", ");
  if (check || m.module === null) {
    console.warn(`not exported by src/core/index.ts: ${name} (${where})`);
    continue;
  }
  const a = added.get(m.module) ?? { values: [], types: [] };
  (m.typeOnly ? a.types : a.values).push(name);
  added.set(m.module, a);
  missing.delete(name);
  console.log(`added to src/core/index.ts: ${name} from ./${m.module} (${where})`);
}
if (added.size) {
  const lines = ["", "// Added by scripts/dev/core-door.mjs: move these into the groups above."];
  for (const [module, a] of [...added].sort()) {
    if (a.values.length) lines.push(`export { ${a.values.sort().join(", ")} } from "./${module}";`);
    if (a.types.length) lines.push(`export type { ${a.types.sort().join(", ")} } from "./${module}";`);
  }
  const text = readFileSync(door, "utf8").trimEnd() + "\n" + lines.join("\n") + "\n";
  const options = (await prettier.resolveConfig(door)) ?? {};
  writeFileSync(door, await prettier.format(text, { ...options, filepath: door }));
}
console.log(`${changed} file(s) ${check ? "to rewrite" : "rewritten"}`);
if ((check && (changed || missing.size)) || missing.size) process.exitCode = 1;
