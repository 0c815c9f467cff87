// Values of the Digital Agency design tokens, produced at build time by the plugin in vite.config.ts.
declare module 'virtual:design-tokens' {
  type Step =
    | '50'
    | '100'
    | '200'
    | '300'
    | '400'
    | '500'
    | '600'
    | '700'
    | '800'
    | '900'
    | '1000'
    | '1100'
    | '1200';
  type Scale = Record<Step, string>;
  type Hue =
    | 'Blue'
    | 'LightBlue'
    | 'Cyan'
    | 'Green'
    | 'Lime'
    | 'Yellow'
    | 'Orange'
    | 'Red'
    | 'Magenta'
    | 'Purple';
  type GrayStep =
    | '50'
    | '100'
    | '200'
    | '300'
    | '400'
    | '420'
    | '500'
    | '536'
    | '600'
    | '700'
    | '800'
    | '900';
  const tokens: {
    Color: {
      Primitive: Record<Hue, Scale>;
      Neutral: {
        White: string;
        Black: string;
        SolidGray: Record<GrayStep, string>;
        OpacityGray: Record<GrayStep, string>;
      };
      Semantic: {
        Success: { '1': string; '2': string };
        Error: { '1': string; '2': string };
        Warning: { Yellow: { '1': string; '2': string }; Orange: { '1': string; '2': string } };
      };
    };
    FontSize: Record<
      '14' | '16' | '17' | '18' | '20' | '22' | '24' | '26' | '28' | '32' | '36' | '45' | '48' | '57' | '64',
      string
    >;
    LineHeight: Record<'100' | '120' | '130' | '140' | '150' | '160' | '170' | '175', number>;
    FontWeight: Record<'400' | '700', string>;
    BorderRadius: Record<'4' | '6' | '8' | '12' | '16' | '24' | '32' | 'Full', string>;
    FontFamily: { Sans: string; Mono: string };
    Elevation: Record<'1' | '2' | '3' | '4' | '5' | '6' | '7' | '8', string>;
  };
  export default tokens;
}
