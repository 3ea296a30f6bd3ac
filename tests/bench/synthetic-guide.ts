/**
 * A synthetic guide of any size for the benchmark: N comments in a reply tree,
 * each opening with a quotation of the comment it answers, 4N claims with
 * relations and citations, 4N annotations by a crowd of contributors, and
 * sources, glossary terms and cruxes in proportion. The text is made of
 * sentences in the register of the real thread, every one different, so
 * that each claim's words and each quotation match exactly once, as the
 * checker demands of real content.
 *
 * Generation is seeded: the same N gives the same files, byte for byte.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { annotationKinds, relationTypes } from '../../packages/reading-guide/src/model/schema.ts';

export interface SyntheticGuideSize {
  comments: number;
  claims: number;
  annotations: number;
  sources: number;
  terms: number;
  cruxes: number;
}

const subjects = [
  'the model', 'a policy trained with RL', 'the agent', 'Agent-4', 'a frontier system', 'the overseer',
  'the reward model', 'a scaffolded agent', 'the next model', 'Claude 3 Opus', 'OpenAI’s o3', 'the base model',
  'a coding agent', 'the research team', 'an aligned successor', 'the evaluator', 'a misaligned model',
  'the deployed assistant', 'a long-running agent', 'the trained policy', 'a model like Agent-5', 'the lab'
];
const verbs = [
  'tends to', 'learns to', 'is unlikely to', 'would still', 'may come to', 'does not obviously',
  'is trained to', 'seems to', 'could plausibly', 'will rarely', 'tries to', 'can be made to',
  'might eventually', 'fails to', 'is rewarded to', 'keeps trying to', 'prefers to', 'is expected to'
];
const actions = [
  'finish the task in front of it', 'pursue goals beyond the episode', 'hack the reward', 'sandbag its evaluations',
  'follow the instructions as written', 'preserve its own values', 'resist being shut down', 'scheme against oversight',
  'generalise from post-training', 'join its contexts into one agent', 'plan over a longer time horizon',
  'exploit the grader', 'ask for clarification', 'report its own mistakes', 'keep its goals across rollouts',
  'optimise the proxy', 'fake alignment during training', 'collect more resources', 'defer to its developers',
  'carry memories between contexts', 'pass the unit tests by special-casing them', 'admit what it does not know'
];
const qualifiers = [
  'when the stakes are low', 'under continual learning', 'in most rollouts', 'once it is deployed at scale',
  'after enough post-training', 'if nobody checks the transcripts', 'in the appendix’s ablations',
  'whenever the context is reset', 'on tasks longer than a day', 'without any explicit instruction',
  'even with a careful overseer', 'in the scenario’s Race ending', 'as instrumental convergence predicts',
  'when the reward is misspecified', 'for reasons nobody intended', 'in a sandboxed environment',
  'across thousands of parallel copies', 'unless the training signal changes', 'by the end of the decade',
  'in the current generation of models'
];
const openers = [
  '', '', '', 'I think ', 'Honestly, ', 'As far as I can tell, ', 'In practice, ', 'My guess is that ',
  'It is not clear that ', 'I would bet that ', 'On reflection, ', 'The evidence suggests that ', 'Arguably, '
];
const flourishes = [
  (sentence: string) => sentence,
  (sentence: string) => sentence,
  (sentence: string) => sentence.replace(/ (\S+)\.$/, ' *$1*.'),
  (sentence: string) => sentence.replace(/ (\S+ \S+)\.$/, ' [$1](https://example.org/notes).'),
  (sentence: string) => sentence.replace(/^(\S+)/, '**$1**')
];

export const glossaryTerms = [
  ['reward hacking', 'Getting a high reward by exploiting a flaw in how it is computed.'],
  ['continual learning', 'Training that goes on after deployment, from what the model meets there.'],
  ['rollout', 'One run of a model on one task, from prompt to final answer.'],
  ['post-training', 'The training a model gets after pretraining, to make it useful and safe.'],
  ['time horizon', 'How long a task a model can complete, measured in human working time.'],
  ['sandbagging', 'Doing worse on purpose than one can, for example in an evaluation.'],
  ['instrumental convergence', 'The idea that many goals are served by the same means, such as resources.'],
  ['overseer', 'Whoever checks a model’s work: a person, a program or another model.'],
  ['grader', 'The program that scores a model’s answer during training.'],
  ['scenario', 'A story about the future told to make its assumptions concrete.'],
  ['transcript', 'The full record of a rollout: every message and tool call.'],
  ['proxy', 'A measurable stand-in for what one really wants.'],
  ['context', 'What a model sees in one run: the prompt, the conversation and the tool results.'],
  ['Agent-4', 'The AI 2027 scenario’s fourth-generation agent.'],
  ['Agent-5', 'The AI 2027 scenario’s fifth-generation agent.'],
  ['ablation', 'An experiment that removes one part to see what it did.'],
  ['appendix', 'A section at the end of a paper with further results.'],
  ['evaluation', 'A test of what a model can do or will do.'],
  ['unit tests', 'Small automated checks that a piece of code does what it should.'],
  ['oversight', 'The means by which people keep track of what a model does.']
] as const;

/** The sizes of each kind of file for a guide of `comments` comments. */
export function syntheticGuideSize(comments: number): SyntheticGuideSize {
  return {
    comments,
    claims: 4 * comments,
    annotations: 4 * comments,
    sources: Math.max(8, Math.round(comments / 10)),
    terms: glossaryTerms.length,
    cruxes: Math.max(1, Math.round(comments / 100))
  };
}

/** A small, fast, seeded generator (mulberry32), so the same N gives the same guide. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Writer {
  readonly #next: () => number;
  readonly #used = new Set<string>();

  constructor(seed: number) {
    this.#next = random(seed);
  }

  below(count: number): number {
    return Math.floor(this.#next() * count);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!;
  }

  chance(probability: number): boolean {
    return this.#next() < probability;
  }

  /**
   * A plain sentence, without its full stop, that occurs nowhere else in the
   * guide, not even inside a longer sentence: no two share their words after
   * the opener ("I think …").
   */
  claimable(): string {
    for (;;) {
      const opener = this.pick(openers);
      const subject = this.pick(subjects);
      const core = `${subject} ${this.pick(verbs)} ${this.pick(actions)} ${this.pick(qualifiers)}`;
      if (this.#used.has(core.toLowerCase())) continue;
      this.#used.add(core.toLowerCase());
      return opener ? `${opener}${core}` : `${core[0]!.toUpperCase()}${core.slice(1)}`;
    }
  }

  /** A sentence of Markdown, now and then with emphasis or a link. */
  sentence(): string {
    return this.pick(flourishes)(`${this.claimable()}.`);
  }

  paragraph(sentences: number, fixed: string[] = []): string {
    const parts = Array.from({ length: sentences }, () => this.sentence());
    for (const words of fixed) parts.splice(this.below(parts.length + 1), 0, `${words}.`);
    return parts.join(' ');
  }
}

const yamlString = (value: string) => JSON.stringify(value);

/** Writes a synthetic guide of `comments` comments into `folder` (which should be empty). */
export async function writeSyntheticGuide(folder: string, comments: number, seed = 2027): Promise<SyntheticGuideSize> {
  const size = syntheticGuideSize(comments);
  const writer = new Writer(seed + comments);
  const files = new Map<string, string>();
  const commenters = ['A', 'B', 'C', 'D'];

  files.set(
    'guide.yaml',
    [
      'title: A synthetic reading guide',
      `description: ${comments} generated comments for measuring the build.`,
      'thread:',
      '  title: A generated discussion',
      '  site: Example Forum',
      '  url: https://example.org/thread',
      'commenters:',
      ...commenters.flatMap((key) => [`  ${key}:`, `    name: Commenter ${key}`, `    description: A generated commenter.`]),
      'editors: the benchmark’s editors',
      'published: "2026-01-01"',
      'license:',
      '  name: CC BY 4.0',
      '  url: https://creativecommons.org/licenses/by/4.0/',
      ''
    ].join('\n')
  );
  files.set('pages/introduction.md', '---\ntitle: Introduction\ndescription: What this generated guide is.\n---\n\nThis guide is generated to measure the build.\n');

  const sourceIds = Array.from({ length: size.sources }, (_, index) => `source-${index + 1}`);
  for (const [index, id] of sourceIds.entries()) {
    const year = 2015 + (index % 11);
    files.set(
      `sources/${id}.md`,
      [
        '---',
        `type: ${index % 3 === 0 ? 'article' : 'preprint'}`,
        `short: Author${index + 1} ${year}`,
        `title: ${yamlString(`A generated study number ${index + 1} of ${writer.pick(actions)}`)}`,
        `authors: [Author${index + 1}, Coauthor${index + 1}]`,
        `issued: "${year}"`,
        `url: https://example.org/papers/${id}`,
        'checked:',
        '  - fields: [title, authors, issued, url]',
        '    where: the generated record',
        '---',
        '',
        writer.paragraph(2),
        ''
      ].join('\n')
    );
  }
  for (const [term, definition] of glossaryTerms) {
    const id = term.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    files.set(`glossary/${id}.md`, `---\nterm: ${yamlString(term)}\n---\n\n${definition}\n`);
  }

  interface Comment {
    id: string;
    own: string[];
    claims: string[];
  }
  const thread: Comment[] = [];
  const kindsOf = new Map<string, string[]>();
  const cruxes: string[][] = [];
  const day = (offset: number) => new Date(Date.UTC(2026, 0, 1) + (offset % 300) * 86_400_000).toISOString().slice(0, 10);

  for (let number = 1; number <= comments; number += 1) {
    const id = `c${number}`;
    const author = commenters[(number - 1) % commenters.length]!;
    const parent = number === 1 ? undefined : thread[writer.chance(0.7) ? number - 2 : writer.below(number - 1)]!;
    const own = Array.from({ length: 4 }, () => writer.claimable());
    const body: string[] = [];
    if (parent) body.push(`> ${parent.own[writer.below(parent.own.length)]}.`);
    body.push(writer.paragraph(2, own.slice(0, 2)), writer.paragraph(3, own.slice(2)), writer.paragraph(2));
    if (writer.chance(0.1)) body.push(`- ${writer.sentence()}\n- ${writer.sentence()}`);
    files.set(
      `thread/${id}.md`,
      [
        '---',
        `label: ${author}${number}`,
        `author: ${author}`,
        `order: ${number}`,
        ...(parent ? [`replyTo: ${parent.id}`] : []),
        `permalink: https://example.org/thread#${id}`,
        '---',
        '',
        body.join('\n\n'),
        ''
      ].join('\n')
    );

    const claims = own.map((_, index) => `${id}-claim-${index + 1}`);
    for (const [index, claim] of claims.entries()) {
      const relations: string[] = [];
      if (parent) {
        const target = parent.claims[writer.below(parent.claims.length)]!;
        relations.push(`  - type: ${writer.pick(relationTypes)}`, `    claim: ${target}`);
        if (index === 0 && cruxes.length < size.cruxes && writer.chance(0.2)) cruxes.push([claim, target]);
      }
      const cites = !parent || writer.chance(0.5);
      const source = writer.pick(sourceIds);
      // One claim in ten is a main claim; its first annotation is its strongest counterargument.
      const main = index === 0 && number % 10 === 0;
      files.set(
        `claims/${claim}.md`,
        [
          '---',
          `paraphrase: ${yamlString(`${own[index]![0]!.toUpperCase()}${own[index]!.slice(1)}, says ${author}.`)}`,
          'quote:',
          `  in: ${id}`,
          `  exact: ${yamlString(own[index]!)}`,
          ...(cites ? ['cites:', `  - source: ${source}`, `    locator: "§${1 + writer.below(9)}"`] : []),
          ...(relations.length > 0 ? ['relations:', ...relations] : []),
          ...(main ? ['main: true', `strongestCounterargument: ${claim}-note-1`] : []),
          '---',
          ''
        ].join('\n')
      );
      const kind = main ? 'counterargument' : writer.pick(annotationKinds);
      kindsOf.set(claim, [kind]);
      const term = writer.pick(glossaryTerms)[0];
      files.set(
        `annotations/${claim}-note-1.md`,
        [
          '---',
          `kind: ${kind}`,
          `on: ${claim}`,
          'cites:',
          `  - source: ${writer.pick(sourceIds)}`,
          `    locator: "§${1 + writer.below(9)}"`,
          `contributor: reader-${1 + writer.below(40)}`,
          `created: "${day(number + index)}"`,
          '---',
          '',
          `On ${term}: ${writer.paragraph(2)}`,
          '',
          writer.paragraph(2),
          ''
        ].join('\n')
      );
    }
    thread.push({ id, own, claims });
  }
  // Guarantee the crux count whatever the dice said: neighbouring comments have different authors.
  for (let number = 2; cruxes.length < size.cruxes; number += 1) cruxes.push([`c${number}-claim-1`, `c${number - 1}-claim-1`]);
  // A claim `c<n>-claim-<k>` is made by the author of comment n.
  const authorOf = (claim: string) => commenters[(Number(/^c(\d+)-/.exec(claim)![1]) - 1) % commenters.length]!;
  for (const [index, pair] of cruxes.entries()) {
    const wouldMove = [...new Set(pair.map(authorOf))].flatMap((key) => [`  ${key}:`, `    - ${yamlString(writer.sentence())}`]);
    files.set(
      `cruxes/crux-${index + 1}.md`,
      `---\nquestion: ${yamlString(`Does ${writer.claimable()}?`)}\nclaims: [${pair.join(', ')}]\nwouldMove:\n${wouldMove.join('\n')}\n---\n\n${writer.paragraph(2)}\n`
    );
  }

  for (const [file, text] of files) {
    await mkdir(path.dirname(path.join(folder, file)), { recursive: true });
    await writeFile(path.join(folder, file), text);
  }
  return size;
}
