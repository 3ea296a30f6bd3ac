/**
 * `npm run check`: validates the content without building the site, by the
 * same compile the build runs (loading, linking and rendering every file),
 * and prints every problem: as `path:line:column  message  rule-id` with a
 * hint below it (`--format plain`, the default), as GitHub Actions workflow
 * commands (`--format github`), or as JSON (`--format json`). Exits 1 when
 * there is an error (warnings alone do not fail), 2 when it is called wrongly.
 */
import { parseArgs } from 'node:util';
import { compileGuide } from '../compile.ts';
import { ContentError } from '../model/diagnostics.ts';
import { report, reportFormats, type ReportFormat } from './report.ts';
import { commandGuide, SiteConfigError } from './site-options.ts';

const usage = `Usage: npm run check -- [content-folder] [--format plain|github|json]

Checks the guide's content as the build does: the folder given, or else $GUIDE_CONTENT,
or the content folder of readingGuide() in the site's astro.config, or content. The fields
the site adds to the schemas there (its \`schemas\` option) are checked too.

  --format plain    every problem as path:line:column  message  rule-id, with a hint (the default)
  --format github   every problem as a GitHub Actions workflow command, shown on its line of a pull request
  --format json     the problems and the guide's size as JSON, for other tools
  --help            this text`;

function options(): { given: string | undefined; format: ReportFormat } | undefined {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { format: { type: 'string', default: 'plain' }, help: { type: 'boolean' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    return undefined;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  if (!(reportFormats as readonly string[]).includes(values.format)) {
    console.error(`Unknown format \`${values.format}\`: use one of ${reportFormats.join(', ')}.\n\n${usage}`);
    return undefined;
  }
  if (positionals.length > 1) {
    console.error(`One content folder at most, not ${positionals.length}.\n\n${usage}`);
    return undefined;
  }
  return { given: positionals[0], format: values.format as ReportFormat };
}

const chosen = options();
if (!chosen) {
  process.exitCode = 2;
} else {
  const { given, format } = chosen;
  let root = given ?? 'content';
  try {
    const guide = await commandGuide(given);
    root = guide.folder;
    const { warnings, graph } = await compileGuide(root, { base: '/', schemas: guide.schemas });
    const size = {
      comments: graph.comments.length,
      claims: graph.claimOrder.length,
      annotations: Object.keys(graph.annotations).length,
      sources: Object.keys(graph.sources).length,
      terms: Object.keys(graph.terms).length
    };
    console.log(report(format, root, warnings, size));
  } catch (error) {
    if (error instanceof SiteConfigError) console.error(error.message);
    else if (!(error instanceof ContentError)) throw error;
    // Plain problems go where errors go; the other formats are read from standard output.
    else (format === 'plain' ? console.error : console.log)(report(format, root, error.problems));
    process.exitCode = 1;
  }
}
