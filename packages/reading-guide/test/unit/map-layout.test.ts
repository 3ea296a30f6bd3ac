import { describe, expect, it } from 'vitest';
import { compileGuide } from '../../src/compile.ts';
import { layoutMap, wrap, type MapLayout, type PlacedNode } from '../../src/map/layout.ts';
import { layoutNeighbourhood } from '../../src/map/neighbourhood-layout.ts';
import { mapClaims, neighbourhoodClaims } from '../../src/site/map.ts';
import { projectRoot, sampleGuide } from '../helpers/fixtures.ts';

const { graph } = await compileGuide(sampleGuide, { base: '/' });
const nodes = graph.claimOrder.map((id) => ({ id, lines: [graph.claims[id]!.label, ...wrap(graph.claims[id]!.exact)] }));
const edges = graph.claimOrder.flatMap((id) =>
  graph.claims[id]!.relations.filter((edge) => edge.direction === 'out').map((edge) => ({ from: id, to: edge.claim, type: edge.type }))
);

function expectBoxesApart(layout: MapLayout): void {
  for (const node of layout.nodes) {
    expect(node.x).toBeGreaterThanOrEqual(0);
    expect(node.y).toBeGreaterThanOrEqual(0);
    expect(node.x + node.width).toBeLessThanOrEqual(layout.width);
    expect(node.y + node.height).toBeLessThanOrEqual(layout.height);
  }
  for (const [index, a] of layout.nodes.entries()) {
    for (const b of layout.nodes.slice(index + 1)) {
      const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
      expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
    }
  }
}

function expectEdgesOnBoxes(layout: MapLayout): void {
  const box = (id: string) => layout.nodes.find((node) => node.id === id)!;
  const onBorder = (point: { x: number; y: number }, node: PlacedNode) =>
    point.x >= node.x - 1 && point.x <= node.x + node.width + 1 && point.y >= node.y - 1 && point.y <= node.y + node.height + 1;
  for (const edge of layout.edges) {
    expect(edge.points.length).toBeGreaterThanOrEqual(2);
    expect(onBorder(edge.points[0]!, box(edge.from)), `${edge.from} → ${edge.to} starts off its box`).toBe(true);
    expect(onBorder(edge.points.at(-1)!, box(edge.to)), `${edge.from} → ${edge.to} ends off its box`).toBe(true);
  }
}

describe('wrap', () => {
  it('breaks at spaces within the width and ends a cut text with an ellipsis', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    const cut = wrap('a b c d e f g h i j k l', 3, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]!.endsWith('…')).toBe(true);
  });
});

describe('layoutMap', async () => {
  const layout = await layoutMap(nodes, edges);

  it('places every claim inside the map, with no two boxes overlapping', () => {
    expect(layout.nodes.map((node) => node.id)).toEqual(graph.claimOrder);
    expectBoxesApart(layout);
  });

  it('draws every relation from the border of one box to the border of the other', () => {
    expect(layout.edges).toHaveLength(edges.length);
    expectEdgesOnBoxes(layout);
  });

  it('gives the same map for the same claims', async () => {
    expect(await layoutMap(nodes, edges)).toEqual(layout);
  });

  it('leaves out relations to claims not on the map', async () => {
    // Five claims whose relations reach beyond them, and run among them too.
    const kept = new Set(nodes.slice(0, 5).map((node) => node.id));
    const among = edges.filter((edge) => kept.has(edge.from) && kept.has(edge.to));
    expect(among.length).toBeGreaterThan(0);
    expect(among.length).toBeLessThan(edges.filter((edge) => kept.has(edge.from) || kept.has(edge.to)).length);
    const small = await layoutMap(nodes.slice(0, 5), edges);
    expect(small.edges.map(({ from, to, type }) => ({ from, to, type }))).toEqual(among);
  });
});

describe('layoutNeighbourhood', () => {
  const box = (id: string, lines = 3) => ({ id, lines: Array.from({ length: lines }, (_, index) => `${id} line ${index}`) });
  const centre = box('centre');
  const neighbours = [box('attacker', 2), box('supporter', 4), box('both'), box('target'), box('asked', 1)];
  const relations = [
    { from: 'attacker', to: 'centre', type: 'attacks' as const },
    { from: 'supporter', to: 'centre', type: 'supports' as const },
    { from: 'both', to: 'centre', type: 'qualifies' as const },
    { from: 'centre', to: 'both', type: 'concedes' as const },
    { from: 'centre', to: 'target', type: 'attacks' as const },
    { from: 'centre', to: 'asked', type: 'asks-about' as const },
    // Not a relation of the centre: a neighbourhood map leaves it out.
    { from: 'attacker', to: 'target', type: 'supports' as const }
  ];
  const layout = layoutNeighbourhood(centre, neighbours, relations);

  it('sets the claims that point at the centre above it and the claims it points at below, apart', () => {
    expectBoxesApart(layout);
    const y = (id: string) => layout.nodes.find((node) => node.id === id)!.y;
    for (const id of ['attacker', 'supporter', 'both']) expect(y(id)).toBeLessThan(y('centre'));
    for (const id of ['target', 'asked']) expect(y(id)).toBeGreaterThan(y('centre'));
    expect(layout.nodes.map((node) => node.id).sort()).toEqual(['asked', 'attacker', 'both', 'centre', 'supporter', 'target']);
  });

  it('draws each relation of the centre once, from box to box, and two relations between one pair apart', () => {
    expect(layout.edges.map((edge) => `${edge.from}>${edge.to}`).sort()).toEqual(
      ['attacker>centre', 'both>centre', 'centre>asked', 'centre>both', 'centre>target', 'supporter>centre'].sort()
    );
    expectEdgesOnBoxes(layout);
    const between = layout.edges.filter((edge) => [edge.from, edge.to].includes('both'));
    expect(between[0]!.points).not.toEqual([...between[1]!.points].reverse());
  });

  it('draws no two arrows crossing', () => {
    const crosses = (a: { x: number; y: number }[], b: { x: number; y: number }[]) => {
      const [p, q] = [a[0]!, a.at(-1)!];
      const [r, s] = [b[0]!, b.at(-1)!];
      const side = (u: typeof p, v: typeof p, w: typeof p) => Math.sign((v.x - u.x) * (w.y - u.y) - (v.y - u.y) * (w.x - u.x));
      return side(p, q, r) * side(p, q, s) < 0 && side(r, s, p) * side(r, s, q) < 0;
    };
    for (const [index, a] of layout.edges.entries()) {
      for (const b of layout.edges.slice(index + 1)) expect(crosses(a.points, b.points), `${a.from}>${a.to} crosses ${b.from}>${b.to}`).toBe(false);
    }
  });

  it('draws a claim with no relations on its own', () => {
    const alone = layoutNeighbourhood(centre, [], []);
    expect(alone.nodes).toHaveLength(1);
    expect(alone.edges).toEqual([]);
    expectBoxesApart(alone);
  });
});

describe('mapClaims', () => {
  const isCentral = (id: string) => graph.claims[id]!.main || graph.claims[id]!.cruxes.length > 0;
  const centralCount = graph.claimOrder.filter(isCentral).length;

  it('draws every claim while they fit', () => {
    expect(mapClaims(graph)).toEqual({ ids: graph.claimOrder, capped: false, central: 0 });
  });

  it('fills a capped map with the main and crux claims first, then the first others, in reading order', () => {
    const limit = centralCount + 3;
    expect(limit).toBeLessThan(graph.claimOrder.length);
    const drawn = mapClaims(graph, limit);
    expect(drawn).toMatchObject({ capped: true, central: centralCount });
    expect(drawn.ids).toHaveLength(limit);
    expect(drawn.ids.filter(isCentral)).toHaveLength(centralCount);
    expect(drawn.ids.filter((id) => !isCentral(id))).toEqual(graph.claimOrder.filter((id) => !isCentral(id)).slice(0, 3));
    expect(drawn.ids).toEqual(graph.claimOrder.filter((id) => drawn.ids.includes(id)));
  });

  it('keeps to the limit when the main and crux claims alone exceed it', () => {
    const drawn = mapClaims(graph, 2);
    expect(drawn).toMatchObject({ capped: true, central: 2 });
    expect(drawn.ids).toEqual(graph.claimOrder.filter(isCentral).slice(0, 2));
  });
});

describe('neighbourhoodClaims', () => {
  const busiest = graph.claimOrder.reduce((a, b) => (new Set(graph.claims[b]!.relations.map((edge) => edge.claim)).size > new Set(graph.claims[a]!.relations.map((edge) => edge.claim)).size ? b : a));
  const neighbours = [...new Set(graph.claims[busiest]!.relations.map((edge) => edge.claim))];

  it('draws every claim one relation away, once each, in reading order', () => {
    const drawn = neighbourhoodClaims(graph, busiest);
    expect(drawn.omitted).toBe(0);
    expect(drawn.ids).toEqual(graph.claimOrder.filter((id) => neighbours.includes(id)));
  });

  it('draws the first few of a crowded neighbourhood and counts the rest', () => {
    expect(neighbours.length).toBeGreaterThan(2);
    const drawn = neighbourhoodClaims(graph, busiest, 2);
    expect(drawn).toEqual({ ids: graph.claimOrder.filter((id) => neighbours.includes(id)).slice(0, 2), omitted: neighbours.length - 2 });
  });
});

describe('the whole-guide map with a layout memo', () => {
  it('is laid out once for the same claims and relations, and again when one changes', async () => {
    const { Guide } = await import('../../src/site/guide.ts');
    const { argumentMapView } = await import('../../src/site/map.ts');
    const compiled = await compileGuide(sampleGuide, { base: '/' });
    const guide = new Guide({ compiled, projectRoot, searchIndexes: ['/pagefind/'] });
    const kept = new Map<string, MapLayout>();
    let laidOut = 0;
    const memo = { get: (input: string) => kept.get(input), set: (input: string, layout: MapLayout) => (laidOut++, kept.set(input, layout)) };
    const ids = mapClaims(guide.graph).ids;
    const first = await argumentMapView(guide, ids, memo);
    const again = await argumentMapView(guide, ids, memo);
    expect(laidOut).toBe(1);
    expect(again).toEqual(first);
    expect(again).toEqual(await argumentMapView(guide, ids));
    // One claim fewer is another map.
    await argumentMapView(guide, ids.slice(1), memo);
    expect(laidOut).toBe(2);
  });
});
