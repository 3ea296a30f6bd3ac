/**
 * The argument map of a set of claims, as the map component draws it: every
 * claim a node (its label, speaker and paraphrase), every relation among them
 * a typed edge, laid out at build time.
 */
import { layoutMap, wrap, type MapLayout } from '../map/layout.ts';
import type { RelationType } from '../load/schema.ts';
import type { Guide } from './guide.ts';

export interface MapNodeView {
  label: string;
  speaker: string;
  speakerClass: string;
  paraphrase: string;
  main: boolean;
  crux: boolean;
}

export interface ArgumentMapView {
  layout: MapLayout;
  nodes: Record<string, MapNodeView>;
}

/** Relations in the order the legend lists them, with the words it uses. */
export const relationLegend: { type: RelationType; label: string }[] = [
  { type: 'supports', label: 'supports' },
  { type: 'attacks', label: 'attacks' },
  { type: 'qualifies', label: 'qualifies' },
  { type: 'concedes', label: 'concedes to' },
  { type: 'asks-about', label: 'asks about' }
];

export async function argumentMapView(guide: Guide, ids: readonly string[]): Promise<ArgumentMapView> {
  const chosen = new Set(ids);
  const order = guide.graph.claimOrder.filter((id) => chosen.has(id));
  const nodes: Record<string, MapNodeView> = {};
  for (const id of order) {
    const { node, entry } = guide.claim(id);
    nodes[id] = {
      label: node.label,
      speaker: guide.speakerName(node.speaker),
      speakerClass: node.speaker.kind === 'commenter' ? `commenter-${node.speaker.key.toLowerCase()}` : 'outside',
      paraphrase: entry.data.paraphrase,
      main: node.main,
      crux: node.cruxes.length > 0
    };
  }
  const edges = order.flatMap((id) =>
    guide.claim(id).node.relations.filter((edge) => edge.direction === 'out' && chosen.has(edge.claim)).map((edge) => ({ from: id, to: edge.claim, type: edge.type }))
  );
  const layout = await layoutMap(
    order.map((id) => ({ id, lines: [`${nodes[id]!.label} · ${nodes[id]!.speaker}`, ...wrap(nodes[id]!.paraphrase)] })),
    edges
  );
  return { layout, nodes };
}

/** A claim and the claims one relation away from it. */
export function neighbourhood(guide: Guide, id: string): string[] {
  return [id, ...guide.claim(id).node.relations.map((edge) => edge.claim)];
}
