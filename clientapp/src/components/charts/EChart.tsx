import { useEffect, useRef } from 'react';
import { init, type ChartOption, type ECElementEvent, type EChartsType } from './echarts';

interface Props {
  option: ChartOption;
  /** What the chart shows, for screen readers. */
  label: string;
  onSelect?: (seriesIndex: number, dataIndex: number) => void;
  className?: string;
}

/** One ECharts instance following its container's size; options are replaced, never merged, on change. */
export function EChart({ option, label, onSelect, className = 'chart' }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const element = container.current!;
    const instance = init(element, null, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (event: ECElementEvent) => {
      if (typeof event.seriesIndex === 'number' && typeof event.dataIndex === 'number') select.current?.(event.seriesIndex, event.dataIndex);
    });
    // Widgets change size with the window, the grid and edit mode, not only on window resize.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize());
    observer?.observe(element);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={container} className={className} role="img" aria-label={label} />;
}
