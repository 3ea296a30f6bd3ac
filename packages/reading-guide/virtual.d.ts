// The modules the integration resolves (src/integration.ts): each component by name, the site's or the guide's,
// the site's contributing guide, and which of the files the pages name the site's public/ folder has.
declare module 'virtual:reading-guide/components/Annotation' {
  const Component: typeof import('./src/components/Annotation.astro').default;
  export default Component;
}
declare module 'virtual:reading-guide/components/ArgumentMap' {
  const Component: typeof import('./src/components/ArgumentMap.astro').default;
  export default Component;
}
declare module 'virtual:reading-guide/components/Backlinks' {
  const Component: typeof import('./src/components/Backlinks.astro').default;
  export default Component;
}
declare module 'virtual:reading-guide/components/Base' {
  const Component: typeof import('./src/components/Base.astro').default;
  export default Component;
}
declare module 'virtual:reading-guide/components/Citations' {
  const Component: typeof import('./src/components/Citations.astro').default;
  export default Component;
}
declare module 'virtual:reading-guide/components/ClaimRef' {
  const Component: typeof import('./src/components/ClaimRef.astro').default;
  export default Component;
}
declare module 'virtual:reading-guide/components/ContributeLinks' {
  const Component: typeof import('./src/components/ContributeLinks.astro').default;
  export default Component;
}
declare module 'virtual:reading-guide/components/GuideVoice' {
  const Component: typeof import('./src/components/GuideVoice.astro').default;
  export default Component;
}
declare module 'virtual:reading-guide/components/Message' {
  const Component: typeof import('./src/components/Message.astro').default;
  export default Component;
}
declare module 'virtual:reading-guide/components/SourceFacts' {
  const Component: typeof import('./src/components/SourceFacts.astro').default;
  export default Component;
}
declare module 'virtual:reading-guide/contributing' {
  export const Content: import('astro').MarkdownInstance<Record<string, unknown>>['Content'];
}
declare module 'virtual:reading-guide/site-files' {
  /** The site path of the image of its link previews (public/social-card.png), or null when the site has none. */
  export const socialCard: string | null;
}
