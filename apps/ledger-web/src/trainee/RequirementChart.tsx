import { useMemo } from 'react';
import type { Requirement } from '../api/types';
import { Chart } from '../ui/Chart';

/** Achieved against target over time for one requirement (an evaluation per date). */
export default function RequirementChart(props: {
  requirement: Requirement;
  days: string[];
  achieved: Map<string, number> | undefined;
}) {
  const { requirement: r, days, achieved } = props;
  const series = useMemo(
    () => [
      {
        label: 'Achieved',
        values: days.map((d) => achieved?.get(d) ?? null),
        colour: '#1d4ed8',
      },
      { label: 'Target', values: days.map(() => r.target), colour: '#b91c1c', dashed: true },
    ],
    [days, achieved, r.target],
  );
  const labels = useMemo(() => days.map((d) => d.slice(0, 7)), [days]);
  return (
    <Chart
      title={`${r.description}: ${r.achieved} of ${r.target}`}
      summary={`${r.description}: achieved ${r.achieved} against a target of ${r.target}, by month`}
      labels={labels}
      series={series}
      height={150}
    />
  );
}
