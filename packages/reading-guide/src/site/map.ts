/**
 * The argument map of a set of claims, as the map component draws it: every
 * claim a node (its label, speaker and paraphrase), every relation among them
 * a typed edge, laid out at build time.
 */
import { layoutMap, wrap, type MapInputNode, type MapLayout } from '../map/layout.ts';
import type { ArgumentMapView, MapNodeView } from '../map/map-view.ts';
import { layoutNeighbourhood } from '../map/neighbourhood-layout.ts';
import type { GuideGraph } from '../graph/types.ts';
import type { Guide } from './guide.ts';
import { outsideClass, speakerClass } from './speaker-styles.ts';

/** How the map shows each claim: its label, speaker and paraphrase. */
function nodeViews(guide: Guide, ids: readonly string[]): { views: Record<string, MapNodeView>; inputs: MapInputNode[] } {
  const views: Record<string, MapNodeView> = {};
  const inputs: MapInputNode[] = [];
  for (const id of ids) {
    const { node, entry } = guide.claim(id);
    const view: MapNodeView = {
      label: node.label,
      speaker: guide.speakerName(node.speaker),
      speakerClass: speakerClass(node.speaker),
      paraphrase: entry.data.paraphrase,
      main: node.main,
      crux: node.cruxes.length > 0
    };
    views[id] = view;
    inputs.push({ id, lines: [`${view.label} · ${view.speaker}`, ...wrap(view.paraphrase)] });
  }
  return { views, inputs };
}

/** Who made the claims a map draws, each once, as its legend lists them: the commenters in the order the map first shows them, then the outside works. */
export function mapSpeakers(map: ArgumentMapView): { speaker: string; speakerClass: string; outside: boolean }[] {
  const seen = new Map<string, { speaker: string; speakerClass: string; outside: boolean }>();
  for (const node of map.layout.nodes) {
    const { speaker, speakerClass } = map.nodes[node.id]!;
    const key = `${speakerClass} ${speaker}`;
    if (!seen.has(key)) seen.set(key, { speaker, speakerClass, outside: speakerClass === outsideClass });
  }
  return [...seen.values()].sort((a, b) => Number(a.outside) - Number(b.outside));
}

/** Layouts already made, by a digest of their input (the compile cache keeps them between builds). */
export interface LayoutMemo {
  get(input: string): MapLayout | undefined;
  set(input: string, layout: MapLayout): void;
}

/**
 * The map of a set of claims and every relation among them. ELK's layout is
 * slow for a large map; with a `memo`, one made before from the same boxes
 * and arrows is used again.
 */
export async function argumentMapView(guide: Guide, ids: readonly string[], memo?: LayoutMemo): Promise<ArgumentMapView> {
  const chosen = new Set(ids);
  const order = guide.graph.claimOrder.filter((id) => chosen.has(id));
  const { views, inputs } = nodeViews(guide, order);
  const edges = order.flatMap((id) =>
    guide.claim(id).node.relations.filter((edge) => edge.direction === 'out' && chosen.has(edge.claim)).map((edge) => ({ from: id, to: edge.claim, type: edge.type }))
  );
  const input = JSON.stringify({ inputs, edges });
  let layout = memo?.get(input);
  if (!layout) {
    layout = await layoutMap(inputs, edges);
    memo?.set(input, layout);
  }
  return { layout, nodes: views };
}

/**
 * The most claims the whole-guide map draws. Past a few hundred boxes a map
 * can no longer be read, and laying it out takes longer than the rest of the
 * build; each claim's page still shows the claims around it.
 */
export const mapClaimLimit = 400;

/**
 * The claims /map/ draws: every claim while they fit. A larger guide's map is
 * filled up to the limit with its main claims and the claims of its cruxes
 * first, then with the other claims in reading order, and drawn in reading
 * order; `central` says how many of the drawn claims are main or crux claims.
 */
export function mapClaims(graph: GuideGraph, limit = mapClaimLimit): { ids: string[]; capped: boolean; central: number } {
  if (graph.claimOrder.length <= limit) return { ids: graph.claimOrder, capped: false, central: 0 };
  const isCentral = (id: string) => graph.claims[id]!.main || graph.claims[id]!.cruxes.length > 0;
  const central = graph.claimOrder.filter(isCentral).slice(0, limit);
  const others = graph.claimOrder.filter((id) => !isCentral(id)).slice(0, limit - central.length);
  const drawn = new Set([...central, ...others]);
  return { ids: graph.claimOrder.filter((id) => drawn.has(id)), capped: true, central: central.length };
}

/**
 * The most neighbours a claim's own map draws: a star is one row of boxes
 * above the claim and one below, and past a dozen a row is wider than any
 * screen. The relations are all listed in text beside the map.
 */
export const neighbourhoodLimit = 12;

/**
 * The claims one relation away from `id` that its own map draws: the first
 * `limit` in reading order; `omitted` counts those left off.
 */
export function neighbourhoodClaims(graph: GuideGraph, id: string, limit = neighbourhoodLimit): { ids: string[]; omitted: number } {
  const neighbours = [...new Set(graph.claims[id]!.relations.map((edge) => edge.claim))].sort((a, b) => graph.claims[a]!.number - graph.claims[b]!.number);
  return { ids: neighbours.slice(0, limit), omitted: Math.max(0, neighbours.length - limit) };
}

/** A claim, its neighbourhood's claims, and the relations between it and them. */
export function neighbourhoodMapView(guide: Guide, id: string): ArgumentMapView & { omitted: number } {
  const { ids, omitted } = neighbourhoodClaims(guide.graph, id);
  const onMap = new Set(ids);
  const { views, inputs } = nodeViews(guide, [id, ...ids]);
  const edges = guide
    .claim(id)
    .node.relations.filter((edge) => onMap.has(edge.claim))
    .map((edge) => (edge.direction === 'out' ? { from: id, to: edge.claim, type: edge.type } : { from: edge.claim, to: id, type: edge.type }));
  return { layout: layoutNeighbourhood(inputs[0]!, inputs.slice(1), edges), nodes: views, omitted };
}
