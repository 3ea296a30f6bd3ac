/**
 * The pipeline is visible in the package's folders, and its modules hold to
 * it: each stage imports only the model (and the small utilities beside it)
 * and the stages before it, never one after, and no modules import each
 * other in a circle, not even for a type.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/fixtures.ts';

const source = path.join(projectRoot, 'packages/reading-guide/src');

/** Each folder (or file) of src/, by its place in the pipeline: model → capture → load → graph → render → map → exports → site → pages → commands. */
const stages: Record<string, number> = {
  model: 0,
  util: 0,
  types: 0,
  capture: 1,
  load: 2,
  // The cache of what the load and render stages made; it keeps the load stage's facts.
  'compile-cache.ts': 2,
  graph: 3,
  render: 4,
  map: 5,
  export: 6,
  site: 7,
  // Chains the stages, the link check of the site stage the last of them.
  'compile.ts': 7,
  import: 8,
  routes: 8,
  components: 8,
  scripts: 8,
  styles: 8,
  'integration.ts': 9,
  cli: 9
};

/** Every module of src/ and the modules of src/ it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const entry of readdirSync(source, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(?:ts|astro)$/.test(entry.name)) continue;
    const file = path.relative(source, path.join(entry.parentPath, entry.name));
    const text = readFileSync(path.join(source, file), 'utf8');
    const imported = [...text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((match) => path.normalize(path.join(path.dirname(file), match[1]!)));
    graph.set(file, imported);
  }
  return graph;
}

const stageOf = (file: string) => stages[file.split(path.sep)[0]!];

describe('the package’s modules', () => {
  const graph = importGraph();

  it('are each in a stage of the pipeline', () => {
    expect(graph.size).toBeGreaterThan(100);
    for (const file of graph.keys()) expect(stageOf(file), file).toBeDefined();
  });

  it('import only the model and the stages before their own', () => {
    const upward = [...graph].flatMap(([file, imported]) => imported.filter((target) => stageOf(target)! > stageOf(file)!).map((target) => `${file} → ${target}`));
    expect(upward).toEqual([]);
  });

  it('spell no page address or id of the guide but in model/routes.ts, where each is written once', () => {
    // A path or id made from an entry's id: `/claims/${id}/`, `#term-${id}`, `comment-${id}` and the like.
    const spelled = /[`'"]\/(?:claims|annotations|sources|glossary|cruxes)\/\$\{|[`'"#](?:comment|claim|term|crux|annotation|side|quoted|cite)-\$\{/;
    const spelling = [...graph.keys()].filter((file) => file !== path.join('model', 'routes.ts') && spelled.test(readFileSync(path.join(source, file), 'utf8')));
    expect(spelling).toEqual([]);
  });

  it('leave the graph without addresses or words of the site: it holds ids and ranges', () => {
    const graphModules = [...graph].filter(([file]) => file.startsWith(`graph${path.sep}`));
    expect(graphModules.length).toBeGreaterThan(0);
    for (const [file, imported] of graphModules) {
      expect(imported.filter((target) => /ui-strings\.ts$|message-format\.ts$/.test(target)), file).toEqual([]);
      expect(readFileSync(path.join(source, file), 'utf8'), file).not.toMatch(/\bhref\b|\bsitePath\b/);
    }
  });

  it('import each other in no circle', () => {
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const trail: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      trail.push(file);
      for (const next of graph.get(file) ?? []) {
        if (!graph.has(next)) continue;
        if (state.get(next) === 'open') circles.push([...trail.slice(trail.indexOf(next)), next].join(' → '));
        else if (!state.has(next)) visit(next);
      }
      trail.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(circles).toEqual([]);
  });
});
