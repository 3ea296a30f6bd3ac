#!/usr/bin/env node
/**
 * `reading-guide <command>`: the commands a guide's package.json scripts run.
 * Each command reads its own flags from the arguments after its name.
 */
const commands: Record<string, { file: string; about: string }> = {
  check: { file: './check.ts', about: 'check the content as the build does' },
  new: { file: './new-annotation.ts', about: 'add a claim, annotation or source, asking in the terminal' },
  import: { file: './import.ts', about: 'make a guide of a thread, from an export or its address' },
  summary: { file: './pull-request-summary.ts', about: 'write what a pull request adds, as Markdown' }
};

const usage = `Usage: reading-guide <command> [flags]

${Object.entries(commands)
  .map(([name, { about }]) => `  ${name.padEnd(8)} ${about}`)
  .join('\n')}

reading-guide <command> --help says more about each.`;

const [name, ...rest] = process.argv.slice(2);
const command = name === undefined ? undefined : commands[name];
if (name === '--help' || name === '-h') {
  console.log(usage);
} else if (!command) {
  console.error(name === undefined ? usage : `Unknown command \`${name}\`.\n\n${usage}`);
  process.exitCode = 2;
} else {
  // Each command parses process.argv as if it had been run by itself.
  process.argv = [process.argv[0]!, new URL(command.file, import.meta.url).pathname, ...rest];
  const module = (await import(command.file)) as { main?: (argv: string[]) => Promise<number | void> };
  if (module.main) {
    const code = await module.main(rest);
    if (typeof code === 'number') process.exitCode = code;
  }
}
