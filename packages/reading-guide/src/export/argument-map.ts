/**
 * The argument map as data: `/argument-map.json` (nodes and typed edges) and
 * `/argument-map.argdown` (the same claims and relations in Argdown).
 *
 * Argdown has relations for support and attack only. A concession is written
 * as a support (the conceding claim grants part of the other); "qualifies"
 * and "asks about" have no Argdown relation, so they travel as data on the
 * statement (`{qualifies: [...], asks-about: [...]}`), with tags for the
 * speaker, main claims and cruxes.
 */
import { commenterName } from '../model/commenters.ts';
import type { RelationType } from '../model/schema.ts';
import type { Speaker } from '../graph/types.ts';
import { absolute, type GuideSnapshot } from './snapshot.ts';
import { sitePath } from '../model/routes.ts';

export interface MapNode {
  id: string;
  label: string;
  paraphrase: string;
  speaker: Speaker;
  /** The commenter's neutral name, or the outside work's short name. */
  speakerName: string;
  comment: string;
  main: boolean;
  cruxes: string[];
  url: string;
}

export interface MapEdge {
  from: string;
  to: string;
  type: RelationType;
}

export interface ArgumentMapData {
  title: string;
  nodes: MapNode[];
  edges: MapEdge[];
  cruxes: { id: string; question: string; claims: string[] }[];
}

export function speakerName(snapshot: GuideSnapshot, speaker: Speaker): string {
  return speaker.kind === 'commenter' ? commenterName(snapshot.meta, speaker.key) : snapshot.sources[speaker.source]!.short;
}

export function argumentMap(snapshot: GuideSnapshot): ArgumentMapData {
  const { graph } = snapshot;
  const nodes = graph.claimOrder.map((id): MapNode => {
    const claim = graph.claims[id]!;
    return {
      id,
      label: claim.label,
      paraphrase: snapshot.claims[id]!.paraphrase,
      speaker: claim.speaker,
      speakerName: speakerName(snapshot, claim.speaker),
      comment: claim.comment,
      main: claim.main,
      cruxes: claim.cruxes,
      url: absolute(snapshot, sitePath.claim(id))
    };
  });
  const edges = graph.claimOrder.flatMap((id) =>
    graph.claims[id]!.relations.filter((edge) => edge.direction === 'out').map((edge): MapEdge => ({ from: id, to: edge.claim, type: edge.type }))
  );
  const cruxes = Object.keys(graph.cruxes)
    .sort()
    .map((id) => ({ id, question: snapshot.cruxes[id]!.question, claims: graph.cruxes[id]!.claims }));
  return { title: snapshot.meta.title, nodes, edges, cruxes };
}

/** Argdown's own relation for each relation type, where it has one. */
export const argdownRelations: Partial<Record<RelationType, '+>' | '->'>> = {
  supports: '+>',
  attacks: '->',
  concedes: '+>'
};

const tag = (text: string) => `#${text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;

/** Characters Argdown reads as syntax in a statement's text, and their escapes. */
function argdownText(text: string): string {
  return text.replace(/[\\[\]<>#{}*_@]/g, (character) => `\\${character}`);
}

export function argdown(map: ArgumentMapData): string {
  const lines = ['===', `title: ${JSON.stringify(map.title)}`, '===', ''];
  const cruxesOf = new Map(map.nodes.map((node) => [node.id, node.cruxes]));
  const edgesFrom = Map.groupBy(map.edges, (edge) => edge.from);
  for (const node of map.nodes) {
    const outgoing = edgesFrom.get(node.id) ?? [];
    const data: Record<string, string[]> = {};
    for (const edge of outgoing.filter((candidate) => !argdownRelations[candidate.type])) {
      (data[edge.type] ??= []).push(edge.to);
    }
    const tags = [tag(node.speakerName), ...(node.main ? ['#main'] : []), ...(cruxesOf.get(node.id) ?? []).map((crux) => tag(`crux ${crux}`))];
    const dataText = Object.keys(data).length > 0 ? ` ${JSON.stringify(data)}` : '';
    lines.push(`[${node.id}]: ${argdownText(`${node.label}. ${node.paraphrase}`)} ${tags.join(' ')}${dataText}`);
    for (const edge of outgoing) {
      const relation = argdownRelations[edge.type];
      if (relation) lines.push(`  ${relation} [${edge.to}]`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
