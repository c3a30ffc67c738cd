// Rocket.Chat's look for the package's own components: our custom properties (src/styles.css)
// mapped to Rocket.Chat's design tokens (@rocket.chat/fuselage-tokens, a dev dependency). Pure:
// scripts/build-theme.mjs writes the result to dist/themes/rocketchat.css, and a browser test
// renders with it. Nothing here runs in a host's page.
import border from '@rocket.chat/fuselage-tokens/dist/border.json' with { type: 'json' };
import button from '@rocket.chat/fuselage-tokens/dist/button.json' with { type: 'json' };
import font from '@rocket.chat/fuselage-tokens/dist/font.json' with { type: 'json' };
import shadow from '@rocket.chat/fuselage-tokens/dist/shadow.json' with { type: 'json' };
import status from '@rocket.chat/fuselage-tokens/dist/status.json' with { type: 'json' };
import stroke from '@rocket.chat/fuselage-tokens/dist/stroke.json' with { type: 'json' };
import surface from '@rocket.chat/fuselage-tokens/dist/surface.json' with { type: 'json' };
import typography from '@rocket.chat/fuselage-tokens/dist/typography.json' with { type: 'json' };

const rem = (px) => `${px / 16}rem`;

/** `#rgb`, `#rrggbb` or `#rrggbbaa` as [r, g, b, a] (0-255, alpha 0-1). */
function parse(hex) {
  const digits = hex.replace('#', '');
  const full = digits.length <= 4 ? [...digits].map((digit) => digit + digit).join('') : digits;
  const [r, g, b, a = 255] = full.match(/../g).map((pair) => Number.parseInt(pair, 16));
  return [r, g, b, a / 255];
}
const toHex = (rgb) => `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;

/** `color` over `base` at `amount` (0-1), as one opaque colour: what color-mix would show. */
export function mix(color, base, amount) {
  const [top, bottom] = [parse(color), parse(base)];
  return toHex([0, 1, 2].map((index) => top[index] * amount + bottom[index] * (1 - amount)));
}

/** WCAG 2 contrast ratio of two opaque colours. */
export function contrast(one, other) {
  const luminance = (hex) => {
    const [r, g, b] = parse(hex).map((channel, index) => (index < 3 ? channel / 255 : channel));
    const linear = (value) => (value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  };
  const [light, dark] = [luminance(one), luminance(other)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

/** One scheme's colours, from the tokens of that scheme (`light` or `dark`). */
function colours(scheme) {
  const bg = surface[scheme].light;
  return {
    bg,
    fg: font[scheme].default,
    muted: font[scheme].hint,
    // stroke-dark, not the stroke-light of fuselage's inputs: a field's edge needs 3:1 (WCAG 1.4.11).
    border: stroke[scheme].dark,
    'field-bg': surface[scheme].light,
    // Rocket.Chat's primary blue. In dark its button blue is 2.4:1 on the dark surface, too faint
    // for a checked box or the active suggestion's mark (WCAG 1.4.11): the highlight blue then,
    // with dark text on it, as the package's default dark look does.
    accent: scheme === 'dark' ? stroke.dark.highlight : button.light.backgroundPrimaryDefault,
    'accent-fg': scheme === 'dark' ? font.dark.pureBlack : button.light.fontOnPrimary,
    danger: font[scheme].danger,
    // The tinted alert backgrounds: the tone over the surface, as fuselage's callouts are drawn.
    'danger-bg': mix(font[scheme].danger, bg, 0.12),
    info: font[scheme].info,
    'info-bg': mix(font[scheme].info, bg, 0.12),
    warning: status[scheme]['font-on-warning'],
    'warning-bg': mix(status[scheme]['font-on-warning'], bg, 0.14),
    'chip-bg': button[scheme].backgroundSecondaryDefault,
    focus: stroke[scheme].highlight,
    overlay: surface[scheme].overlay,
  };
}

/**
 * Pairs the stylesheet draws one on the other, with the contrast WCAG AA asks of them: 4.5 for
 * text, 3 for a control's edge, the focus ring and the primary button's fill.
 */
const PAIRS = [
  ['fg', 'bg', 4.5],
  ['fg', 'field-bg', 4.5],
  ['fg', 'chip-bg', 4.5],
  ['fg', 'danger-bg', 4.5],
  ['fg', 'info-bg', 4.5],
  ['fg', 'warning-bg', 4.5],
  ['muted', 'bg', 4.5],
  ['danger', 'bg', 4.5],
  ['accent-fg', 'accent', 4.5],
  ['border', 'field-bg', 3],
  ['focus', 'bg', 3],
  ['accent', 'bg', 3],
  ['accent', 'chip-bg', 3],
  ['danger', 'danger-bg', 3],
  ['info', 'info-bg', 3],
  ['warning', 'warning-bg', 3],
];

/** The pairs under their ratio, in words; empty when the theme passes. */
export function contrastProblems() {
  const problems = [];
  for (const scheme of ['light', 'dark']) {
    const palette = colours(scheme);
    for (const [text, background, needed] of PAIRS) {
      const ratio = contrast(palette[text], palette[background]);
      if (ratio < needed) problems.push(`${scheme}: --rcou-${text} on --rcou-${background} is ${ratio.toFixed(2)}:1, needs ${needed}:1`);
    }
  }
  return problems;
}

const family = (names) => names.map((name) => (/^[\w-]+$/.test(name) ? name : `'${name}'`)).join(', ');

/** The theme's CSS: one rule on `.rcou-root`, light and dark in `light-dark()` as styles.css does. */
export function rocketChatTheme(version) {
  const light = colours('light');
  const dark = colours('dark');
  const pair = (name) => `  --rcou-${name}: light-dark(${light[name]}, ${dark[name]});`;
  const elevation = (scheme) => [shadow[scheme]['elevation-2x'], shadow[scheme]['elevation-2y']];
  const [lightNear, lightFar] = elevation('light');
  const [darkNear, darkFar] = elevation('dark');
  return `/*
 * rocketchat-omnichannel-ui: Rocket.Chat's look, from @rocket.chat/fuselage-tokens ${version}.
 * Generated by scripts/build-theme.mjs; edit that, not this file. Import it after the stylesheet:
 *   import 'rocketchat-omnichannel-ui/styles.css';
 *   import 'rocketchat-omnichannel-ui/themes/rocketchat.css';
 * Light and dark switch as in styles.css: prefers-color-scheme, or data-theme on an ancestor.
 */
.rcou-root {
  --rcou-font: ${family(typography.fontFamily.sans)};
  --rcou-font-size: ${rem(typography.fontScale.p2.fontSize)};
  --rcou-radius: ${rem(border.radius.medium)};
${Object.keys(light).map(pair).join('\n')}
  --rcou-shadow: 0 0 2px 0 light-dark(${lightNear}, ${darkNear}), 0 0 12px 0 light-dark(${lightFar}, ${darkFar});
}
`;
}
