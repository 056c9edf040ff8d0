/**
 * Command-line flags for the scripts, read with node:util `parseArgs`: strict (an unknown flag
 * or a flag missing its value is an error), `--no-<flag>` for booleans that default to true.
 * A bad flag exits with code 2 and a message naming the script and the flag.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

function usageError(script: string, message: string, usage?: string): never {
  process.stderr.write(`${script}: ${message}\n${usage ? `\n${usage}\n` : ''}`);
  process.exit(2);
}

/** The script's flags (and positionals, when `allowPositionals`), or exit 2 naming the problem. */
export function parseFlags<T extends ParseArgsOptionsConfig>(
  script: string,
  options: T,
  settings: { allowPositionals?: boolean; usage?: string; args?: string[] } = {},
) {
  try {
    return parseArgs({
      args: settings.args ?? process.argv.slice(2),
      options,
      allowPositionals: settings.allowPositionals ?? false,
      allowNegative: true,
      strict: true,
    });
  } catch (error) {
    return usageError(script, (error as Error).message, settings.usage);
  }
}

/** A flag's value as a whole number of at least 1, or exit 2 naming the flag. */
export function countOption(script: string, flag: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    usageError(script, `--${flag} needs a whole number of 1 or more, got "${text}"`);
  return n;
}
