// The chart of one measure over time (uPlot, loaded with this file only when a chart is shown). Times
// on the axis are Japan's; the values also stand in a table beside it for those who cannot see it.
import { Group, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { fontFamily } from '../../ui/theme';

export type ChartSeries = { label: string; values: (number | null)[]; dashed?: boolean };

type Props = {
  /** Instants of the points, in milliseconds. */
  times: number[];
  series: ChartSeries[];
  unit: string;
  label: string;
};

// Dark enough on white for WCAG's 3:1 for graphics; the second line is also dashed.
const STROKES = ['#b3261e', '#0b57d0'];
const HEIGHT = 220;

const inJapan = (seconds: number) => uPlot.tzDate(new Date(seconds * 1000), 'Asia/Tokyo');
const day = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', month: 'numeric', day: 'numeric' });
const hour = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: 'numeric', minute: '2-digit' });
// The canvas draws its own text: in the app's font (the system may have no Japanese one).
const AXIS_FONT = `13px ${fontFamily}`;

/** Tick labels: days (12/1), or times of day when the points lie within two days. */
function tickLabels(times: number[]) {
  const span = (times.at(-1) ?? 0) - (times[0] ?? 0);
  const format = span < 2 * 86_400_000 ? hour : day;
  return (_plot: uPlot, ticks: number[]) => ticks.map((tick) => format.format(new Date(tick * 1000)));
}

export default function VitalsChart({ times, series, unit, label }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const options: uPlot.Options = {
      width: element.clientWidth || 300,
      height: HEIGHT,
      tzDate: inJapan,
      legend: { show: false },
      scales: { x: { time: true } },
      axes: [
        { values: tickLabels(times), font: AXIS_FONT },
        { label: unit, size: 60, font: AXIS_FONT, labelFont: AXIS_FONT },
      ],
      series: [
        {},
        ...series.map((s, index) => ({
          label: s.label,
          stroke: STROKES[index % STROKES.length],
          width: 2,
          dash: s.dashed ? [6, 4] : undefined,
          points: { show: true, size: 6 },
          spanGaps: true,
        })),
      ],
    };
    const data: uPlot.AlignedData = [times.map((time) => time / 1000), ...series.map((s) => s.values)];
    const plot = new uPlot(options, data, element);
    const resize = new ResizeObserver(() => plot.setSize({ width: element.clientWidth, height: HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [times, series, unit]);
  return (
    <div>
      <div ref={box} role="img" aria-label={label} className="vitals-chart" />
      {series.length > 1 && (
        <Group gap="md" aria-hidden="true">
          {series.map((s, index) => (
            <Group key={s.label} gap={6}>
              <svg width="28" height="8" aria-hidden="true">
                <line
                  x1="0"
                  y1="4"
                  x2="28"
                  y2="4"
                  stroke={STROKES[index % STROKES.length]}
                  strokeWidth="2"
                  strokeDasharray={s.dashed ? '6 4' : undefined}
                />
              </svg>
              <Text size="sm">{s.label}</Text>
            </Group>
          ))}
        </Group>
      )}
    </div>
  );
}
