/** WCAG 2 contrast ratio of two opaque hex colours. */
export function contrast(one: string, other: string): number;
/** `color` over `base` at `amount` (0-1), as one opaque hex colour. */
export function mix(color: string, base: string, amount: number): string;
/** The theme's pairs under their WCAG AA ratio, in words; empty when the theme passes. */
export function contrastProblems(): string[];
/** The theme's CSS, naming the tokens' `version` in its header. */
export function rocketChatTheme(version: string): string;
