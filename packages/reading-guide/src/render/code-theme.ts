/**
 * The Shiki theme for code examples: a high-contrast one, since the default
 * dark theme's comments fall short of WCAG AA contrast.
 */
export const codeTheme = 'github-dark-high-contrast';
