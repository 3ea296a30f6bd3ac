/**
 * Lays out one claim's neighbourhood: the claim, the claims that relate to
 * it above, the claims it relates to below, so that arrows run down as on the
 * full map (except where two claims relate both ways, and one arrow must run
 * up). A neighbourhood is a star, so its layout has a closed form:
 * no crossing-minimisation is needed, and it costs microseconds where a
 * general layered layout costs milliseconds, which matters when a guide has
 * thousands of claim pages.
 *
 * Each arrow has its own anchor on both boxes, in the same left-to-right
 * order on both, so straight arrows never cross one another, and two arrows
 * between the same pair of claims (one each way) never coincide.
 */
import { nodeHeight, nodeWidth, type MapInputEdge, type MapInputNode, type MapLayout, type PlacedEdge, type PlacedNode } from './layout.ts';

const gap = 28;
const betweenRows = 72;
const margin = 12;

interface Anchor {
  edge: MapInputEdge;
  neighbour: string;
}

/**
 * `nodes` lists the centre's neighbours in display order; `edges` are the
 * relations between the centre and them (others are left out).
 */
export function layoutNeighbourhood(centre: MapInputNode, nodes: readonly MapInputNode[], edges: readonly MapInputEdge[]): MapLayout {
  const known = new Set(nodes.map((node) => node.id));
  const kept = edges.filter(
    (edge) => (edge.from === centre.id && known.has(edge.to)) || (edge.to === centre.id && known.has(edge.from))
  );
  // A neighbour with any arrow into the centre sits above it; one the centre only points at, below.
  const above = nodes.filter((node) => kept.some((edge) => edge.from === node.id));
  const below = nodes.filter((node) => !above.includes(node) && kept.some((edge) => edge.to === node.id));
  const rowWidth = (row: readonly MapInputNode[]) => row.length * nodeWidth + Math.max(0, row.length - 1) * gap;
  const width = Math.max(rowWidth(above), rowWidth(below), nodeWidth) + 2 * margin;
  const rowHeight = (row: readonly MapInputNode[]) => Math.max(0, ...row.map((node) => nodeHeight(node.lines)));

  const placed: PlacedNode[] = [];
  const place = (row: readonly MapInputNode[], y: number) => {
    let x = (width - rowWidth(row)) / 2;
    for (const node of row) {
      placed.push({ ...node, x, y, width: nodeWidth, height: nodeHeight(node.lines) });
      x += nodeWidth + gap;
    }
  };
  const centreY = margin + (above.length > 0 ? rowHeight(above) + betweenRows : 0);
  place(above, margin);
  place([centre], centreY);
  const centreBox = placed.at(-1)!;
  const belowY = centreY + centreBox.height + betweenRows;
  place(below, belowY);
  const box = new Map(placed.map((node) => [node.id, node]));

  const route = (row: readonly MapInputNode[], side: 'top' | 'bottom'): PlacedEdge[] => {
    const anchors: Anchor[] = row.flatMap((node) =>
      kept.filter((edge) => edge.from === node.id || edge.to === node.id).map((edge) => ({ edge, neighbour: node.id }))
    );
    const centreY = side === 'top' ? centreBox.y : centreBox.y + centreBox.height;
    return anchors.map(({ edge, neighbour }, index) => {
      const node = box.get(neighbour)!;
      const own = anchors.filter((anchor) => anchor.neighbour === neighbour);
      const onNeighbour = {
        x: node.x + (node.width * (own.indexOf(anchors[index]!) + 1)) / (own.length + 1),
        y: side === 'top' ? node.y + node.height : node.y
      };
      const onCentre = { x: centreBox.x + (centreBox.width * (index + 1)) / (anchors.length + 1), y: centreY };
      const points = edge.from === centre.id ? [onCentre, onNeighbour] : [onNeighbour, onCentre];
      return { ...edge, points };
    });
  };

  return {
    width: Math.ceil(width),
    height: Math.ceil((below.length > 0 ? belowY + rowHeight(below) : centreY + centreBox.height) + margin),
    nodes: placed,
    edges: [...route(above, 'top'), ...route(below, 'bottom')]
  };
}
