/**
 * Lays out an argument map with ELK's layered algorithm, at build time, into
 * plain coordinates that a component draws as static SVG: no script is
 * needed to read the map.
 *
 * ELK's result depends on the order of its input, so nodes and edges are
 * given in a fixed order and two builds draw the same map.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { RelationType } from '../model/schema.ts';

export interface MapInputNode {
  id: string;
  /** The lines of text the node shows, already wrapped. */
  lines: string[];
}

export interface MapInputEdge {
  from: string;
  to: string;
  type: RelationType;
}

export interface PlacedNode extends MapInputNode {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedEdge extends MapInputEdge {
  /** The path from source to target: start, bends, end. */
  points: { x: number; y: number }[];
}

export interface MapLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

export const nodeWidth = 232;
export const lineHeight = 17;
const padding = 10;

/** The height of a box showing `lines`. */
export const nodeHeight = (lines: readonly string[]) => padding * 2 + lines.length * lineHeight;

/** Characters a node's line holds at the map's type size; used to wrap text before layout. */
export const charactersPerLine = 30;

/** Wraps text into lines of at most `width` characters, breaking at spaces; ends with "…" past `maxLines`. */
export function wrap(text: string, width = charactersPerLine, maxLines = 4): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]!.replace(/\s*\S*$/, '')}…`;
  return kept;
}

const elk = new ELK();

export async function layoutMap(nodes: readonly MapInputNode[], edges: readonly MapInputEdge[]): Promise<MapLayout> {
  const ids = new Set(nodes.map((node) => node.id));
  const kept = edges.filter((edge) => ids.has(edge.from) && ids.has(edge.to));
  // A fresh graph every time: ELK writes its results into the object it is given.
  const graph: ElkNode = {
    id: 'map',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.spacing.nodeNode': '28',
      'elk.layered.spacing.nodeNodeBetweenLayers': '56',
      'elk.spacing.edgeNode': '16',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.padding': '[top=12,left=12,bottom=12,right=12]'
    },
    children: nodes.map((node) => ({ id: node.id, width: nodeWidth, height: nodeHeight(node.lines) })),
    edges: kept.map((edge, index) => ({ id: `e${index}`, sources: [edge.from], targets: [edge.to] }))
  };
  const result = await elk.layout(graph);
  const placed = new Map((result.children ?? []).map((child) => [child.id, child]));
  return {
    width: Math.ceil(result.width ?? 0),
    height: Math.ceil(result.height ?? 0),
    nodes: nodes.map((node) => {
      const child = placed.get(node.id)!;
      return { ...node, x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? nodeWidth, height: child.height ?? 0 };
    }),
    edges: kept.map((edge, index) => {
      const section = (result.edges as ElkExtendedEdge[] | undefined)?.find((candidate) => candidate.id === `e${index}`)?.sections?.[0];
      const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : [];
      return { ...edge, points };
    })
  };
}
