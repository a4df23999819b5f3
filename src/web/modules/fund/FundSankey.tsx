/** The money-flow Sankey (ECharts core + Sankey only, SVG): its own lazy chunk, loaded by the public page. */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { SankeyChart } from 'echarts/charts';
import { TooltipComponent, AriaComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([SankeyChart, TooltipComponent, AriaComponent, SVGRenderer]);

/** Nodes by name; link values in yuan (display only: the exact amounts are in the tables). */
export default function FundSankey({
  links,
  label,
}: {
  links: { source: string; target: string; fen: string }[];
  label: (code: string) => string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const chart = echarts.init(box.current, undefined, { renderer: 'svg' });
    const names = [...new Set(links.flatMap((l) => [l.source, l.target]))];
    chart.setOption({
      aria: { enabled: true },
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'sankey',
          emphasis: { focus: 'adjacency' },
          data: names.map((n) => ({ name: label(n) })),
          links: links.map((l) => ({ source: label(l.source), target: label(l.target), value: Number(l.fen) / 100 })),
          lineStyle: { color: 'gradient', curveness: 0.5 },
        },
      ],
    });
    // the box may get its width after the chart was made (lazy chunk inside Suspense): follow its size
    const seen = new ResizeObserver(() => chart.resize());
    seen.observe(box.current);
    return () => {
      seen.disconnect();
      chart.dispose();
    };
  }, [links, label]);
  return <div ref={box} style={{ width: '100%', height: 280 }} data-testid="fund-sankey" />;
}
