import { useMemo, useState } from 'react';
import type { ApiClient } from '../api/client';
import type { Session } from '../auth/session';
import { Chart } from '../ui/Chart';
import { download } from '../ui/download';
import { ProblemMessage } from '../ui/ProblemMessage';
import { useLoad } from '../ui/useLoad';

interface AuditRow {
  procedure: string;
  metric: string;
  unit: string;
  count: number;
  denominator: number | null;
  value: number | null;
  threshold: string;
  status: string;
  dimension?: string;
  key?: string;
}

interface AuditReport {
  institutionId: string;
  from: string;
  to: string;
  ledgerSize: number;
  checkpoint?: { origin: string; size: number; rootHash: string };
  rows: AuditRow[];
  series: AuditRow[];
}

const MONTHLY = ['procedures', 'reperfusion-success', 'first-pass-effect'];

/** The trust's audit: each figure with its count and denominator against its threshold. */
export default function AuditPage(props: { api: ApiClient; session: Session }) {
  const { api, session } = props;
  const [institution, setInstitution] = useState(session.institutionId);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const query = `${from ? `from=${from}&` : ''}${to ? `to=${to}&` : ''}`;
  const base = `/v1/audit/institutions/${encodeURIComponent(institution)}`;
  const report = useLoad(() => api.get<AuditReport>(`${base}?${query}`), `${base}?${query}`);
  const [csvError, setCsvError] = useState<unknown>();

  const downloadCsv = async (): Promise<void> => {
    setCsvError(undefined);
    try {
      const csv = await api.text(`${base}?${query}format=csv`);
      download(`audit-${institution}.csv`, csv, 'text/csv');
    } catch (e) {
      setCsvError(e);
    }
  };

  const monthly = useMemo(() => {
    const series = (report.data?.series ?? []).filter(
      (s) => s.dimension === 'month' && s.procedure === 'mechanical-thrombectomy',
    );
    const months = [...new Set(series.map((s) => s.key ?? ''))].sort();
    return MONTHLY.map((metric) => {
      const byMonth = new Map(series.filter((s) => s.metric === metric).map((s) => [s.key, s]));
      return { metric, months, values: months.map((m) => byMonth.get(m)?.value ?? null) };
    });
  }, [report.data]);

  const rows = (report.data?.rows ?? []).filter((r) => r.threshold || r.metric === 'procedures');
  return (
    <>
      <h1>Trust audit</h1>
      <form className="inline" onSubmit={(e) => e.preventDefault()} aria-label="Audit scope">
        <label>
          Institution
          <input value={institution} onChange={(e) => setInstitution(e.target.value)} />
        </label>
        <label>
          Performed from
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          to
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="button" className="secondary" onClick={() => void downloadCsv()}>
          Download CSV
        </button>
      </form>
      <ProblemMessage error={report.error ?? csvError} />
      {report.data && (
        <>
          <p className="lede">
            {report.data.institutionId}, computed at ledger size{' '}
            {report.data.ledgerSize.toLocaleString('en-GB')}
            {report.data.checkpoint
              ? `, signed checkpoint root ${report.data.checkpoint.rootHash}`
              : ''}
            .
          </p>
          <section className="card" aria-labelledby="thresholds-title">
            <h2 id="thresholds-title">Against thresholds</h2>
            <table>
              <thead>
                <tr>
                  <th scope="col">Procedure</th>
                  <th scope="col">Measure</th>
                  <th scope="col">Value</th>
                  <th scope="col">Count / denominator</th>
                  <th scope="col">Threshold</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.procedure}/${r.metric}`}>
                    <td>{r.procedure}</td>
                    <th scope="row">{r.metric}</th>
                    <td>
                      {r.value ?? '—'}
                      {r.unit === 'pct' ? '%' : r.unit === 'min' ? ' min' : ''}
                    </td>
                    <td>
                      {r.count}
                      {r.denominator !== null ? ` / ${r.denominator}` : ''}
                    </td>
                    <td>{r.threshold || '—'}</td>
                    <td>
                      <span
                        className={
                          r.status === 'met'
                            ? 'badge ok'
                            : r.status === 'not-met'
                              ? 'badge bad'
                              : 'badge'
                        }
                      >
                        {r.status}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card" aria-labelledby="monthly-title">
            <h2 id="monthly-title">Thrombectomy by month</h2>
            <div className="chart-grid">
              {monthly.map((m) => (
                <Chart
                  key={m.metric}
                  title={m.metric}
                  summary={`Thrombectomy ${m.metric} by month`}
                  labels={m.months}
                  series={[{ label: m.metric, values: m.values, colour: '#1d4ed8', kind: 'bar' }]}
                  kind="bar"
                />
              ))}
            </div>
          </section>
        </>
      )}
    </>
  );
}
