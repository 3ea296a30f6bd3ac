/**
 * The report a contributor reads: problems in order of file, line and
 * column, each as `path:line:column  message  rule-id` with its hint below,
 * a warning marked as one, and the count at the end.
 */
import { describe, expect, it } from 'vitest';
import { ContentError, countProblems, Diagnostics, formatProblems } from '../../src/model/diagnostics.ts';

describe('Diagnostics', () => {
  it('lists problems by file, then line, then column, whatever the order they were found in', () => {
    const diagnostics = new Diagnostics();
    diagnostics.error('b.md', { line: 2, column: 1 }, 'Fourth', 'missing-field');
    diagnostics.warn('a.md', { line: 10, column: 3 }, 'Third', 'unsourced-annotation');
    diagnostics.error('a.md', { line: 2, column: 9 }, 'Second', 'wrong-type', 'A hint.');
    diagnostics.error('a.md', { line: 2, column: 4 }, 'First', 'raw-html');
    diagnostics.error('a.md', undefined, 'Whole file', 'read-failed');
    expect(diagnostics.problems.map((problem) => problem.message)).toEqual(['Whole file', 'First', 'Second', 'Third', 'Fourth']);
    expect(diagnostics.errors.map((problem) => problem.message)).toEqual(['Whole file', 'First', 'Second', 'Fourth']);
    expect(diagnostics.problems[2]).toEqual({ file: 'a.md', line: 2, column: 9, message: 'Second', rule: 'wrong-type', hint: 'A hint.', severity: 'error' });
    expect(diagnostics.problems[0]).toMatchObject({ line: undefined, column: undefined, hint: undefined });
    expect(diagnostics.reported('a.md')).toBe(true);
    expect(diagnostics.reported('c.md')).toBe(false);
  });

  it('fails a run on an error only', () => {
    const diagnostics = new Diagnostics();
    diagnostics.warn('a.md', { line: 1, column: 1 }, 'Only a warning', 'unsourced-annotation');
    expect(diagnostics.hasErrors).toBe(false);
    diagnostics.error('a.md', { line: 1, column: 1 }, 'An error', 'raw-html');
    expect(diagnostics.hasErrors).toBe(true);
  });

  it('takes over a problem found elsewhere as it was, at column 1 when it names only a line', () => {
    const diagnostics = new Diagnostics();
    diagnostics.add({ file: 'a.md', line: 3, message: 'Elsewhere', rule: 'render-failed', hint: 'Look.', severity: 'error' });
    diagnostics.add({ file: 'a.md', message: 'Anywhere', rule: 'unsourced-annotation', severity: 'warning' });
    expect(diagnostics.problems).toEqual([
      { file: 'a.md', line: undefined, column: undefined, message: 'Anywhere', rule: 'unsourced-annotation', hint: undefined, severity: 'warning' },
      { file: 'a.md', line: 3, column: 1, message: 'Elsewhere', rule: 'render-failed', hint: 'Look.', severity: 'error' }
    ]);
  });
});

describe('formatProblems', () => {
  it('gives each problem a line and its hint below, a warning marked, and the count last', () => {
    const report = formatProblems([
      { file: 'a.md', line: 2, column: 5, message: 'Wrong', rule: 'wrong-type', hint: 'Fix it.', severity: 'error' },
      { file: 'b.md', message: 'Whole file', rule: 'read-failed', severity: 'error' },
      { file: 'c.md', line: 1, column: 1, message: 'Careful', rule: 'unsourced-annotation', severity: 'warning' }
    ]);
    expect(report).toBe(
      ['a.md:2:5  Wrong  wrong-type', '    hint: Fix it.', 'b.md  Whole file  read-failed', 'c.md:1:1  warning: Careful  unsourced-annotation', '2 errors, 1 warning'].join('\n')
    );
  });

  it('counts one of each in the singular, and none in the plural', () => {
    expect(countProblems([])).toBe('0 errors, 0 warnings');
    expect(
      countProblems([
        { file: 'a.md', message: 'x', rule: 'raw-html', severity: 'error' },
        { file: 'a.md', message: 'y', rule: 'unsourced-annotation', severity: 'warning' }
      ])
    ).toBe('1 error, 1 warning');
  });

  it('is the message of the error that stops a run', () => {
    const problems = [{ file: 'a.md', line: 1, column: 1, message: 'Wrong', rule: 'raw-html' as const, severity: 'error' as const }];
    const error = new ContentError(problems);
    expect(error.name).toBe('ContentError');
    expect(error.message).toBe(`The guide's content has errors:\n${formatProblems(problems)}`);
    expect(error.problems).toBe(problems);
  });
});
