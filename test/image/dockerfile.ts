import { readFileSync } from 'node:fs';
import { fromPackageRoot } from '../../src/paths.js';

/** One instruction of the Dockerfile: `COPY --from=build /app/dist ./dist` is { name: 'COPY', flags: { from: 'build' }, args: ['/app/dist', './dist'] }. */
export interface Instruction {
  name: string;
  flags: Record<string, string>;
  args: string[];
  /** The text after the name, continuation lines joined. */
  text: string;
}

export interface Stage {
  name: string | undefined;
  instructions: Instruction[];
}

/** The stages of the repository's Dockerfile, in order (the last is the image). */
export function readDockerfile(path = fromPackageRoot('Dockerfile')): Stage[] {
  const lines = readFileSync(path, 'utf8').replace(/\\\n/g, ' ').split('\n');
  const stages: Stage[] = [];
  for (const line of lines.map((raw) => raw.trim())) {
    if (line === '' || line.startsWith('#')) continue;
    const [name = '', ...rest] = line.split(/\s+/);
    const text = line.slice(name.length).trim();
    const words = text.startsWith('[') ? (JSON.parse(text) as string[]) : rest;
    const flags = Object.fromEntries(words.filter((word) => word.startsWith('--')).map((word) => word.slice(2).split('=') as [string, string]));
    const instruction = { name: name.toUpperCase(), flags, args: words.filter((word) => !word.startsWith('--')), text };
    if (instruction.name === 'FROM') stages.push({ name: /\bAS\s+(\S+)/i.exec(text)?.[1], instructions: [] });
    stages.at(-1)?.instructions.push(instruction);
  }
  return stages;
}

export const instructions = (stage: Stage, name: string) => stage.instructions.filter((instruction) => instruction.name === name);

/** The command of HEALTHCHECK's `CMD [...]` (the options before it are flags). */
export function healthCheckCommand(stage: Stage): string[] {
  const [healthcheck] = instructions(stage, 'HEALTHCHECK');
  const json = healthcheck ? /\bCMD\s+(\[.*\])\s*$/.exec(healthcheck.text)?.[1] : undefined;
  return json ? (JSON.parse(json) as string[]) : [];
}

/** `ENV A=1 B=2` instructions of a stage, as one object. */
export function environment(stage: Stage): Record<string, string> {
  return Object.fromEntries(instructions(stage, 'ENV').flatMap((instruction) => instruction.args.map((pair) => pair.split('=') as [string, string])));
}

/** Whether .dockerignore lets `path` (relative to the repository) into the build context: its last matching pattern decides. */
export function inBuildContext(path: string, ignoreFile = fromPackageRoot('.dockerignore')): boolean {
  const patterns = readFileSync(ignoreFile, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  let admitted = true;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    if (globRegExp(negated ? pattern.slice(1) : pattern).test(path)) admitted = negated;
  }
  return admitted;
}

/** A .dockerignore or COPY glob (`*` within a name, `**` across folders) as a RegExp matching the path and everything under it. */
export function globRegExp(glob: string): RegExp {
  const parts = glob.replace(/^\.?\//, '').split(/(\*\*\/|\*)/);
  const source = parts.map((part) => (part === '**/' ? '(?:.*/)?' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}(?:/.*)?$`);
}
