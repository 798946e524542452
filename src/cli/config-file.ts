/** --config FILE: a JSON object of overrides merged over the defaults. */
import * as fs from "node:fs";
import { mergeConfig, type ConfigOverrides, type ShinchokuConfig } from "../core/config/config";

export class ConfigError extends Error {}

export function loadConfig(file: string | null): ShinchokuConfig {
  if (!file) return mergeConfig(null);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new ConfigError((err as NodeJS.ErrnoException).code ?? (err as Error).message);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json))
    throw new ConfigError("the file must hold a JSON object");
  return mergeConfig(json as ConfigOverrides);
}
