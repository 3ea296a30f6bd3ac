/**
 * The table of the site's own words (src/model/ui-strings.ts): every
 * language has every message, none empty, each taking the same values as
 * the English; plural forms are those the language's plural rules use; and
 * a guide's language and rewordings reach what the pipeline writes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeholdersOf, type Message } from '../../src/model/message-format.ts';
import { isPluralKey, languages, uiKeys, uiTables, uiText } from '../../src/model/ui-strings.ts';
import { guideCopy, problemsOf } from '../helpers/fixtures.ts';

const forms = (message: Message): string[] => (typeof message === 'string' ? [message] : Object.values(message));

describe.each(languages)('the %s messages', (language) => {
  const table = uiTables[language];

  it('are every message the English has, and no other', () => {
    expect(Object.keys(table).sort()).toEqual([...uiKeys].sort());
  });

  it('are none of them empty', () => {
    const empty = uiKeys.filter((key) => forms(table[key]).some((form) => form.trim() === ''));
    expect(empty).toEqual([]);
  });

  it('take the same values as the English, placeholder for placeholder', () => {
    const differing = uiKeys.filter((key) => placeholdersOf(table[key]).sort().join() !== placeholdersOf(uiTables.en[key]).sort().join());
    expect(differing).toEqual([]);
  });

  it('have plural forms where the English has them, one for each category of the language and no other', () => {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories.slice().sort();
    for (const key of uiKeys) {
      const message = table[key];
      expect(typeof message === 'string', key).toBe(!isPluralKey(key));
      if (typeof message !== 'string') expect(Object.keys(message).sort(), key).toEqual(categories);
    }
  });
});

describe('the German messages', () => {
  it('are German: the same as the English only where both languages say it so (names of formats, “Permalink”, “In”)', () => {
    const same = uiKeys.filter((key) => JSON.stringify(uiTables.de[key]) === JSON.stringify(uiTables.en[key]));
    expect(same.sort()).toEqual(
      [
        'claim.madeBy.commenter',
        'claims.inComment',
        'annotation.permalink',
        'source.fact.container',
        'source.fact.arxiv',
        'source.fact.doi',
        'export.annotations.format',
        'export.argumentMap.format',
        'export.argdown.format',
        'export.biblatex.format',
        'export.csl.format'
      ].sort()
    );
  });
});

describe('UI text', () => {
  it('chooses the plural form by the count, and writes numbers as the language does', () => {
    const english = uiText({ language: 'en' });
    const german = uiText({ language: 'de' });
    expect(english.t('sidenote.counterarguments', { count: 1 })).toBe('1 counterargument');
    expect(english.t('sidenote.counterarguments', { count: 1200 })).toBe('1,200 counterarguments');
    expect(german.t('sidenote.counterarguments', { count: 1 })).toBe('1 Gegenargument');
    expect(german.t('sidenote.counterarguments', { count: 1200 })).toBe('1.200 Gegenargumente');
    expect(english.t('sidenote.conceded', { count: 1 })).toBe('conceded once');
    expect(german.t('sidenote.conceded', { count: 3 })).toBe('3-mal zugestanden');
  });

  it('writes dates as the language does, in UTC', () => {
    expect(uiText({ language: 'en' }).day('2024-05-01T23:30:00-02:00')).toBe('May 2, 2024');
    expect(uiText({ language: 'de' }).day('2024-05-01T23:30:00-02:00')).toBe('2. Mai 2024');
    expect(uiText({ language: 'de' }).moment('2024-05-01T12:30:00Z')).toBe('1. Mai 2024 um 12:30 UTC');
    expect(uiText({ language: 'de' }).moment('2024-05-01')).toBe('1. Mai 2024');
  });

  it('leaves a placeholder without a value as a slot for an element, in the language’s word order', () => {
    expect(uiText({ language: 'en' }).parts('relation.attacks.between', { from: 'C1' })).toEqual(['C1 attacks ', { slot: 'to' }]);
    expect(uiText({ language: 'de' }).parts('relation.attacks.between', { from: 'C1' })).toEqual(['C1 greift ', { slot: 'to' }, ' an']);
  });

  it('takes a guide’s rewording over the table, in the guide’s language only for what it rewords', () => {
    const reworded = uiText({ language: 'de', strings: { 'claim.title': 'These {label}' } });
    expect(reworded.t('claim.title', { label: 'C3' })).toBe('These C3');
    expect(reworded.t('claim.main')).toBe('eine Hauptbehauptung');
    expect(uiText({ language: 'de' }).t('claim.title', { label: 'C3' })).toBe('Behauptung C3');
  });
});

describe('language and strings in guide.yaml', () => {
  async function guideYamlWith(lines: string): Promise<string> {
    const folder = await guideCopy();
    const file = path.join(folder, 'guide.yaml');
    await writeFile(file, `${await readFile(file, 'utf8')}${lines}`);
    return folder;
  }

  it('accepts a language the table has, and rewordings of its messages with their own values', async () => {
    expect(await problemsOf(await guideYamlWith('language: de\nstrings:\n  claim.title: These {label}\n  sidenote.questions:\n    one: "{count} offene Frage"\n    other: "{count} offene Fragen"\n'))).toEqual([]);
  });

  it('names a message that is not in the table, and the one meant', async () => {
    expect(await problemsOf(await guideYamlWith('strings:\n  claim.titel: These {label}\n'))).toEqual([
      expect.objectContaining({ rule: 'unknown-field', line: 22, message: 'Unknown field `strings.claim.titel`', hint: expect.stringMatching(/^Did you mean `claim\.title`\?/) })
    ]);
  });

  it('names a placeholder the message does not take, and those it does', async () => {
    expect(await problemsOf(await guideYamlWith('strings:\n  claim.title: These {number}\n'))).toEqual([
      expect.objectContaining({
        rule: 'wrong-type',
        line: 22,
        message: '`strings.claim.title`: uses {number}, a value this message does not have: it has {label}',
        hint: '`strings.claim.title` is the text shown in English as “Claim {label}”; it may use {label}.'
      })
    ]);
  });

  it('refuses plural forms for a message that has none', async () => {
    expect(await problemsOf(await guideYamlWith('strings:\n  claim.main:\n    other: Hauptbehauptungen\n'))).toEqual([
      expect.objectContaining({ rule: 'wrong-type', line: 23, message: '`strings.claim.main`: expected string, received object' })
    ]);
  });
});
