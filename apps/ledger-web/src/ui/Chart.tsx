import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJs,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef } from 'react';

// Only the parts the views draw, so the bundle carries no unused chart types.
ChartJs.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

export interface Series {
  label: string;
  values: (number | null)[];
  kind?: 'bar' | 'line';
  colour: string;
  dashed?: boolean;
}

/**
 * A Chart.js chart (canvas) with its figures also as a table for screen readers and keyboard
 * users: the canvas is an image with a summary label, the table holds every number.
 */
export function Chart(props: {
  title: string;
  summary: string;
  labels: string[];
  series: Series[];
  kind?: 'bar' | 'line';
  height?: number;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const { labels, series, kind = 'line' } = props;
  useEffect(() => {
    if (!canvas.current) return;
    const config: ChartConfiguration = {
      type: kind,
      data: {
        labels,
        datasets: series.map((s) => ({
          type: s.kind ?? kind,
          label: s.label,
          data: s.values,
          borderColor: s.colour,
          backgroundColor: s.colour,
          borderDash: s.dashed ? [6, 4] : [],
          pointRadius: s.dashed ? 0 : 2,
          spanGaps: true,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { position: 'bottom', labels: { color: '#1f2933' } } },
        scales: {
          x: { ticks: { color: '#1f2933' } },
          y: { beginAtZero: true, ticks: { color: '#1f2933', precision: 0 } },
        },
      },
    };
    const chart = new ChartJs(canvas.current, config);
    return () => chart.destroy();
  }, [labels, series, kind]);
  return (
    <figure className="chart">
      <figcaption>{props.title}</figcaption>
      <div style={{ height: props.height ?? 180, position: 'relative' }}>
        <canvas ref={canvas} role="img" aria-label={props.summary} />
      </div>
      <details>
        <summary>Figures</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              {series.map((s) => (
                <th scope="col" key={s.label}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {labels.map((label, i) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                {series.map((s) => (
                  <td key={s.label}>{s.values[i] ?? '—'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
