import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/load/diagnostics.ts';
import { parseYaml, splitFrontMatter, validate } from '../../src/load/front-matter.ts';
import { claimSchema } from '../../src/load/schema.ts';

function check(raw: string) {
  const diagnostics = new Diagnostics();
  const split = splitFrontMatter(raw);
  const yaml = parseYaml(raw, split.yaml!, split.yamlOffset, 'x.md', diagnostics);
  const data = yaml.ok ? validate(claimSchema, yaml.data, 'x.md', yaml.locate, diagnostics) : undefined;
  return { data, problems: diagnostics.problems, split };
}

describe('splitFrontMatter', () => {
  it('pads the body so that its lines are the file’s lines', () => {
    const { split } = check('---\nparaphrase: P\nquote: {in: a, exact: b}\n---\n\nBody text\n');
    expect(split.body.split('\n').indexOf('Body text')).toBe(5);
  });

  it('finds no front matter in a file that does not open with ---', () => {
    expect(splitFrontMatter('Just text\n---\n').yaml).toBeUndefined();
    expect(splitFrontMatter('---\nnever closed\n').yaml).toBeUndefined();
  });
});

describe('front-matter validation', () => {
  it('accepts a valid claim and applies defaults', () => {
    const { data, problems } = check('---\nparaphrase: P\nquote:\n  in: a1\n  exact: words\n---\n');
    expect(problems).toEqual([]);
    expect(data).toMatchObject({ paraphrase: 'P', cites: [], relations: [] });
  });

  it('names the line of invalid YAML', () => {
    const duplicate = check('---\nparaphrase: P\nquote: {in: a1, exact: b}\nparaphrase: Q\n---\n');
    expect(duplicate.problems[0]).toMatchObject({ rule: 'yaml-syntax', line: 4, severity: 'error' });
    const unquoted = check('---\nparaphrase: P: Q\nquote: {in: a1, exact: b}\n---\n');
    expect(unquoted.problems[0]).toMatchObject({ rule: 'yaml-syntax', line: 2 });
  });

  it('reports a missing field at the object that lacks it, with the field’s description as hint', () => {
    const { problems } = check('---\nparaphrase: P\nquote:\n  in: a1\n---\n');
    expect(problems).toEqual([
      expect.objectContaining({ rule: 'missing-field', line: 3, message: 'Missing required field `quote.exact`' })
    ]);
    expect(problems[0]!.hint).toContain('exact words');
  });

  it('reports a wrong type at the value’s line and column', () => {
    const { problems } = check('---\nparaphrase: P\nquote:\n  in: a1\n  exact: words\ncites:\n  - source: s1\n    locator: 12\n---\n');
    expect(problems).toEqual([expect.objectContaining({ rule: 'wrong-type', line: 8, column: 14 })]);
    expect(problems[0]!.message).toMatch(/^`cites\[0\]\.locator`: expected string/);
  });

  it('rejects an unknown field and suggests the one probably meant', () => {
    const { problems } = check('---\nparaphase: P\nquote:\n  in: a1\n  exact: words\n---\n');
    const unknown = problems.find((problem) => problem.rule === 'unknown-field');
    expect(unknown).toMatchObject({ line: 2, column: 1, message: 'Unknown field `paraphase`' });
    expect(unknown!.hint).toContain('Did you mean `paraphrase`?');
  });

  it('rejects an id that is not lower-case with hyphens', () => {
    const { problems } = check('---\nparaphrase: P\nquote:\n  in: A1 Comment\n  exact: words\n---\n');
    expect(problems).toEqual([expect.objectContaining({ rule: 'wrong-type', line: 4 })]);
  });
});
