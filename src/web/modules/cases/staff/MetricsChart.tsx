/**
 * The indicator chart: ECharts (core + bar + the few components used, tree-shaken), in its own lazy chunk so
 * only the metrics page downloads it.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, AriaComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { RATE_KEYS, type MetricsRow, type RateKey } from '../../../api/cases.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

/** Bars of the chosen rates per row (0–100 %). Patterns (decals) keep the series apart without colour. */
export default function MetricsChart({ rows, keys = [...RATE_KEYS] }: { rows: MetricsRow[]; keys?: RateKey[] }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current, undefined, { renderer: 'svg' });
    chart.setOption({
      aria: { enabled: true, decal: { show: true } },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(1)}%` : '—') },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 48, bottom: 48 },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.name),
        axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 },
      },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: keys.map((k) => ({
        name: t(`cases.metrics.${k}`),
        type: 'bar',
        data: rows.map((r) => (r.rates[k] === null ? null : Math.round(r.rates[k]! * 1000) / 10)),
      })),
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [rows, keys, t]);
  return <div ref={box} className="cm-chart" data-testid="metrics-chart" />;
}
