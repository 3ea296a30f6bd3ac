/**
 * An argument map as the map component draws it: the layout, and how each
 * claim in it is shown. Plain data, made once per build (src/site/map.ts) and
 * held by the published guide.
 */
import type { MapLayout } from './layout.ts';

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
