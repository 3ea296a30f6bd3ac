/**
 * The argument map of a set of claims, as the map component draws it: every
 * claim a node (its label, speaker and paraphrase), every relation among them
 * a typed edge, laid out at build time.
 */
import { layoutMap, wrap, type MapInputNode, type MapLayout } from '../map/layout.ts';
import { layoutNeighbourhood } from '../map/neighbourhood-layout.ts';
import type { RelationType } from '../load/schema.ts';
import type { GuideGraph } from '../graph/types.ts';
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

/** How the map shows each claim: its label, speaker and paraphrase. */
function nodeViews(guide: Guide, ids: readonly string[]): { views: Record<string, MapNodeView>; inputs: MapInputNode[] } {
  const views: Record<string, MapNodeView> = {};
  const inputs: MapInputNode[] = [];
  for (const id of ids) {
    const { node, entry } = guide.claim(id);
    const view: MapNodeView = {
      label: node.label,
      speaker: guide.speakerName(node.speaker),
      speakerClass: node.speaker.kind === 'commenter' ? `commenter-${node.speaker.key.toLowerCase()}` : 'outside',
      paraphrase: entry.data.paraphrase,
      main: node.main,
      crux: node.cruxes.length > 0
    };
    views[id] = view;
    inputs.push({ id, lines: [`${view.label} · ${view.speaker}`, ...wrap(view.paraphrase)] });
  }
  return { views, inputs };
}

/** The map of a set of claims and every relation among them. */
export async function argumentMapView(guide: Guide, ids: readonly string[]): Promise<ArgumentMapView> {
  const chosen = new Set(ids);
  const order = guide.graph.claimOrder.filter((id) => chosen.has(id));
  const { views, inputs } = nodeViews(guide, order);
  const edges = order.flatMap((id) =>
    guide.claim(id).node.relations.filter((edge) => edge.direction === 'out' && chosen.has(edge.claim)).map((edge) => ({ from: id, to: edge.claim, type: edge.type }))
  );
  return { layout: await layoutMap(inputs, edges), nodes: views };
}

/**
 * The most claims the whole-guide map draws. Past a few hundred boxes a map
 * can no longer be read, and laying it out takes longer than the rest of the
 * build; each claim's page still shows the claims around it.
 */
export const mapClaimLimit = 400;

/**
 * The claims /map/ draws: every claim while they fit; for a larger guide,
 * its main claims and the claims of its cruxes (in reading order, up to the
 * limit), or failing those the first claims in reading order.
 */
export function mapClaims(graph: GuideGraph, limit = mapClaimLimit): { ids: string[]; chosen: 'all' | 'central' | 'first' } {
  if (graph.claimOrder.length <= limit) return { ids: graph.claimOrder, chosen: 'all' };
  const central = graph.claimOrder.filter((id) => graph.claims[id]!.main || graph.claims[id]!.cruxes.length > 0);
  if (central.length > 0) return { ids: central.slice(0, limit), chosen: 'central' };
  return { ids: graph.claimOrder.slice(0, limit), chosen: 'first' };
}

/** A claim and the claims one relation away from it, with the relations between it and them. */
export function neighbourhoodMapView(guide: Guide, id: string): ArgumentMapView {
  const { relations } = guide.claim(id).node;
  const neighbours = new Set(relations.map((edge) => edge.claim));
  const order = [...neighbours].sort((a, b) => guide.claim(a).node.number - guide.claim(b).node.number);
  const { views, inputs } = nodeViews(guide, [id, ...order]);
  const edges = relations.map((edge) => (edge.direction === 'out' ? { from: id, to: edge.claim, type: edge.type } : { from: edge.claim, to: id, type: edge.type }));
  return { layout: layoutNeighbourhood(inputs[0]!, inputs.slice(1), edges), nodes: views };
}
