import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/model/diagnostics.ts';
import { parseYaml, splitFrontMatter, validate } from '../../src/load/front-matter.ts';
import { claimSchema, guideSchema } from '../../src/model/schema.ts';

function check(raw: string) {
  const diagnostics = new Diagnostics();
  const split = splitFrontMatter(raw);
  const yaml = parseYaml(raw, split.yaml!, split.yamlOffset, 'x.md', diagnostics);
  const data = yaml.ok ? validate(claimSchema, yaml.data, 'x.md', yaml.locate, diagnostics) : undefined;
  return { data, problems: diagnostics.problems, split, yaml };
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
    expect(problems[0]!.hint).toBe('`cites[0].locator` is where in the source, as the source names it: "§2.2.1", "Table 3", "p. 12".');
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

describe('guide.yaml validation', () => {
  it('reports a commenter’s key that is not one, at the key, with the pattern’s own message', () => {
    const raw = [
      'title: G',
      'description: D',
      'thread: {title: T, site: S, url: "https://example.org/t/1"}',
      'commenters:',
      '  A: {name: Commenter A}',
      '  bob: {name: Bob}',
      'editors: the editors',
      'published: 2026-01-02',
      'license: {name: CC BY 4.0, url: "https://creativecommons.org/licenses/by/4.0/"}',
      ''
    ].join('\n');
    const diagnostics = new Diagnostics();
    const yaml = parseYaml(raw, raw, 0, 'guide.yaml', diagnostics);
    expect(yaml.ok && validate(guideSchema, yaml.data, 'guide.yaml', yaml.locate, diagnostics)).toBeUndefined();
    expect(diagnostics.problems).toEqual([
      expect.objectContaining({ rule: 'wrong-type', line: 6, column: 3, message: '`commenters.bob`: must be a short key such as "A"' })
    ]);
  });
});

describe('splitFrontMatter, at the edges', () => {
  it('keeps the whole file as the body when there is no front matter', () => {
    expect(splitFrontMatter('Just text\n---\n')).toEqual({ yaml: undefined, yamlOffset: 0, body: 'Just text\n---\n' });
    expect(splitFrontMatter('---\nnever closed\n')).toEqual({ yaml: undefined, yamlOffset: 0, body: '---\nnever closed\n' });
  });

  it('closes the front matter only at a line of its own, which may end the file', () => {
    expect(splitFrontMatter('---\nparaphrase: a ---\n---\nBody\n')).toMatchObject({ yaml: 'paraphrase: a ---\n', body: '\n\n\nBody\n' });
    expect(splitFrontMatter('---\nterm: task\n---')).toEqual({ yaml: 'term: task\n', yamlOffset: 4, body: '\n\n' });
  });
});

describe('where a problem is placed', () => {
  it('places a field the file leaves out at the nearest value it has', () => {
    const { yaml } = check('---\nparaphrase: P\nquote:\n  in: a1\n  exact: words\ncites:\n  - source: s\n---\n');
    expect(yaml.locate(['quote', 'prefix'])).toEqual({ line: 4, column: 3 });
    expect(yaml.locate(['quote', 'prefix'], 'key')).toEqual({ line: 4, column: 3 });
    expect(yaml.locate(['cites', 5])).toEqual({ line: 7, column: 3 });
    expect(yaml.locate(['paraphrase', 0])).toEqual({ line: 2, column: 13 });
    expect(yaml.locate(['paraphrase', 'x'])).toEqual({ line: 2, column: 13 });
    expect(yaml.locate(['nowhere'])).toEqual({ line: 2, column: 1 });
  });

  it('places a field of a list item that is left out at the item', () => {
    const { problems } = check('---\nparaphrase: P\nquote:\n  in: a1\n  exact: w\ncites:\n  - locator: x\n---\n');
    expect(problems).toEqual([expect.objectContaining({ rule: 'missing-field', line: 7, column: 5, message: 'Missing required field `cites[0].source`' })]);
  });

  it('reports every field as missing from front matter that holds only a comment, or nothing', () => {
    for (const raw of ['---\n# to be written\n---\n', '---\n---\n']) {
      expect(check(raw).problems.map((problem) => [problem.rule, problem.line, problem.message])).toEqual([
        ['missing-field', 2, 'Missing required field `paraphrase`'],
        ['missing-field', 2, 'Missing required field `quote`']
      ]);
    }
  });
});

describe('front matter that would take too much to read', () => {
  it('reports YAML nested too deeply once, at its top-level field, and nothing else', () => {
    const { problems } = check(`---\nparaphrase: P\nquote: ${'['.repeat(20)}a${']'.repeat(20)}\n---\n`);
    expect(problems).toEqual([expect.objectContaining({ rule: 'yaml-too-complex', line: 3, message: 'The YAML is nested more than 16 levels deep' })]);
  });

  it('reports nesting that exhausts the parser once, also in a list at the top', () => {
    const { problems } = check(`---\n- ${'['.repeat(20_000)}\n---\n`);
    expect(problems).toEqual([expect.objectContaining({ rule: 'yaml-too-complex', line: 2, column: 1, message: 'The YAML is nested too deeply to be read (at most 16 levels)' })]);
  });

  it('refuses aliases expanded 50 times or more, and nothing else', () => {
    const aliases = (count: number) => `---\nparaphrase: P\nquote:\n  in: a1\n  exact: w\nx: &x [1, 2]\ny: [${Array(count).fill('*x').join(', ')}]\n---\n`;
    expect(check(aliases(40)).problems.map((problem) => problem.rule)).toEqual(['unknown-field', 'unknown-field']);
    expect(check(aliases(60)).problems).toEqual([
      expect.objectContaining({
        rule: 'yaml-too-complex',
        line: 7,
        message: 'The YAML’s aliases expand to more than 50 copies',
        hint: 'Write each value out in full: front matter needs no anchors (&) and aliases (*).'
      })
    ]);
  });
});

describe('the field a misspelt one is taken for', () => {
  const hint = async (key: string) => check(`---\nparaphrase: P\nquote:\n  in: a1\n  exact: w\n${key}: x\n---\n`).problems.find((problem) => problem.rule === 'unknown-field')!.hint;
  const allowed = 'Allowed here: paraphrase, quote, cites, relations, main, strongestCounterargument.';

  it('suggests the nearest field, ignoring case, when a third of its letters or fewer are wrong', async () => {
    expect(await hint('prphrase')).toBe(`Did you mean \`paraphrase\`? ${allowed}`);
    expect(await hint('strongestCounterArg')).toBe(`Did you mean \`strongestCounterargument\`? ${allowed}`);
    // Two fields are equally near: the first is named.
    expect(await hint('cote')).toBe(`Did you mean \`quote\`? ${allowed}`);
  });

  it('suggests nothing for a word that is no field’s misspelling', async () => {
    expect(await hint('foo')).toBe(allowed);
    expect(await hint('strongestCounter')).toBe(allowed);
  });
});
