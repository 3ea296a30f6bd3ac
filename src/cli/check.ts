/**
 * `npm run check`: validates the content without building the site, by the
 * same compile the build runs (loading, linking and rendering every file),
 * and prints every problem as `path:line:column  message  rule-id` with a
 * hint below it. Exits 1 when there is an error; warnings alone do not fail.
 */
import { compileGuide } from '../compile.ts';
import { ContentError, formatProblems } from '../load/diagnostics.ts';

const root = process.argv[2] ?? process.env.GUIDE_CONTENT ?? 'content';

try {
  const { warnings, graph } = await compileGuide(root, { base: '/' });
  if (warnings.length > 0) console.log(formatProblems(warnings));
  console.log(
    `${root}: ${graph.comments.length} comments, ${graph.claimOrder.length} claims, ${Object.keys(graph.annotations).length} annotations, ${Object.keys(graph.sources).length} sources, ${Object.keys(graph.terms).length} terms: no errors.`
  );
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(formatProblems(error.problems));
  process.exitCode = 1;
}
