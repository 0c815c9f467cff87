// Mantine themed with the Digital Agency design system (デジタル庁デザインシステム) tokens: its blue as
// the primary colour, its greys for text and borders (chosen there for WCAG contrast), its type scale,
// and BIZ UDPGothic, a universal-design Japanese typeface bundled with the app (never system fonts).

import tokens from 'virtual:design-tokens';
import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

type Step = keyof typeof tokens.Color.Primitive.Blue;
const steps: Step[] = ['50', '100', '200', '300', '400', '500', '600', '700', '800', '900'];

/** Mantine wants ten shades light → dark; the tokens have 50…1200. Index 9 is the token's 900. */
const scale = (hue: keyof typeof tokens.Color.Primitive): MantineColorsTuple => {
  const colours = tokens.Color.Primitive[hue];
  return steps.map((step) => colours[step]) as unknown as MantineColorsTuple;
};

const gray = tokens.Color.Neutral.SolidGray;
const fontSize = tokens.FontSize;

export const fontFamily = "'BIZ UDPGothic', sans-serif";

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 9 is the token blue 900 (#0017c1), the design system's key colour.
  primaryShade: 9,
  colors: {
    blue: scale('Blue'),
    cyan: scale('LightBlue'),
    green: scale('Green'),
    teal: scale('Green'),
    lime: scale('Lime'),
    yellow: scale('Yellow'),
    orange: scale('Orange'),
    red: scale('Red'),
    pink: scale('Magenta'),
    grape: scale('Purple'),
    violet: scale('Purple'),
    gray: [
      gray['50'],
      gray['100'],
      gray['200'],
      gray['300'],
      gray['420'],
      gray['536'],
      gray['600'],
      gray['700'],
      gray['800'],
      gray['900'],
    ],
  },
  white: tokens.Color.Neutral.White,
  black: gray['900'],
  fontFamily,
  fontFamilyMonospace: "ui-monospace, 'BIZ UDPGothic', monospace",
  fontSizes: {
    xs: fontSize['14'],
    sm: fontSize['16'],
    md: fontSize['17'],
    lg: fontSize['18'],
    xl: fontSize['20'],
  },
  lineHeights: {
    xs: String(tokens.LineHeight['150']),
    sm: String(tokens.LineHeight['160']),
    md: String(tokens.LineHeight['170']),
    lg: String(tokens.LineHeight['170']),
    xl: String(tokens.LineHeight['175']),
  },
  headings: {
    fontFamily,
    fontWeight: tokens.FontWeight['700'],
    sizes: {
      h1: { fontSize: fontSize['28'], lineHeight: String(tokens.LineHeight['140']) },
      h2: { fontSize: fontSize['24'], lineHeight: String(tokens.LineHeight['140']) },
      h3: { fontSize: fontSize['20'], lineHeight: String(tokens.LineHeight['150']) },
      h4: { fontSize: fontSize['18'], lineHeight: String(tokens.LineHeight['150']) },
      h5: { fontSize: fontSize['17'], lineHeight: String(tokens.LineHeight['150']) },
      h6: { fontSize: fontSize['16'], lineHeight: String(tokens.LineHeight['150']) },
    },
  },
  radius: {
    xs: tokens.BorderRadius['4'],
    sm: tokens.BorderRadius['6'],
    md: tokens.BorderRadius['8'],
    lg: tokens.BorderRadius['12'],
    xl: tokens.BorderRadius['16'],
  },
  defaultRadius: 'md',
  shadows: {
    xs: tokens.Elevation['1'],
    sm: tokens.Elevation['1'],
    md: tokens.Elevation['2'],
    lg: tokens.Elevation['3'],
    xl: tokens.Elevation['4'],
  },
  focusRing: 'auto',
  // People who ask their system for less motion get no sliding or fading.
  respectReducedMotion: true,
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { size: 'md' } },
    TextInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
    NativeSelect: { defaultProps: { size: 'md' } },
    Textarea: { defaultProps: { size: 'md' } },
    NumberInput: { defaultProps: { size: 'md' } },
    Alert: { defaultProps: { variant: 'light' } },
    Badge: { defaultProps: { size: 'xl', radius: 'sm' }, styles: { root: { textTransform: 'none' } } },
    Anchor: { defaultProps: { underline: 'always' } },
  },
});

/** Semantic colours the components read from CSS variables, set to the tokens' accessible shades. */
export const cssVariablesResolver: CSSVariablesResolver = (current) => ({
  variables: {},
  light: {
    '--mantine-color-error': tokens.Color.Semantic.Error['2'],
    '--mantine-color-success': tokens.Color.Semantic.Success['2'],
    '--mantine-color-anchor': tokens.Color.Primitive.Blue['1000'],
    // "Light" alerts and badges: the palest tint behind shade-9 text keeps contrast above 4.5:1.
    ...Object.fromEntries(
      Object.keys(current.colors).flatMap((name) => [
        [`--mantine-color-${name}-light`, `var(--mantine-color-${name}-0)`],
        [`--mantine-color-${name}-light-hover`, `var(--mantine-color-${name}-1)`],
      ]),
    ),
  },
  dark: {},
});
