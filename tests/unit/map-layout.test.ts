import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileGuide } from '../../src/compile.ts';
import { layoutMap, wrap } from '../../src/map/layout.ts';
import { projectRoot } from '../helpers/fixtures.ts';

const { graph } = await compileGuide(path.join(projectRoot, 'content'), { base: '/' });
const nodes = graph.claimOrder.map((id) => ({ id, lines: [graph.claims[id]!.label, ...wrap(graph.claims[id]!.exact)] }));
const edges = graph.claimOrder.flatMap((id) =>
  graph.claims[id]!.relations.filter((edge) => edge.direction === 'out').map((edge) => ({ from: id, to: edge.claim, type: edge.type }))
);

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
  });

  it('draws every relation from the border of one box to the border of the other', () => {
    expect(layout.edges).toHaveLength(edges.length);
    const box = (id: string) => layout.nodes.find((node) => node.id === id)!;
    const onBorder = (point: { x: number; y: number }, node: { x: number; y: number; width: number; height: number }) =>
      point.x >= node.x - 1 && point.x <= node.x + node.width + 1 && point.y >= node.y - 1 && point.y <= node.y + node.height + 1;
    for (const edge of layout.edges) {
      expect(edge.points.length).toBeGreaterThanOrEqual(2);
      expect(onBorder(edge.points[0]!, box(edge.from)), `${edge.from} → ${edge.to} starts off its box`).toBe(true);
      expect(onBorder(edge.points.at(-1)!, box(edge.to)), `${edge.from} → ${edge.to} ends off its box`).toBe(true);
    }
  });

  it('gives the same map for the same claims', async () => {
    expect(await layoutMap(nodes, edges)).toEqual(layout);
  });

  it('leaves out relations to claims not on the map', async () => {
    const small = await layoutMap(nodes.slice(0, 3), edges);
    expect(small.edges.every((edge) => small.nodes.some((node) => node.id === edge.from) && small.nodes.some((node) => node.id === edge.to))).toBe(true);
  });
});
