// Only the charts and components the dashboards, the models page and the alert preview draw, so the bundle leaves the rest of ECharts out.
import {
  BarChart, HeatmapChart, LineChart, PieChart, type BarSeriesOption, type HeatmapSeriesOption, type LineSeriesOption, type PieSeriesOption,
} from 'echarts/charts';
import {
  GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapContinuousComponent, type GridComponentOption,
  type LegendComponentOption, type MarkLineComponentOption, type TooltipComponentOption, type VisualMapComponentOption,
} from 'echarts/components';
import { init, use as registerChartParts, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

registerChartParts([LineChart, BarChart, PieChart, HeatmapChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapContinuousComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  | LineSeriesOption | BarSeriesOption | PieSeriesOption | HeatmapSeriesOption
  | GridComponentOption | LegendComponentOption | MarkLineComponentOption | TooltipComponentOption | VisualMapComponentOption
>;

export { init };
export type { LegendComponentOption, LineSeriesOption, TooltipComponentOption };
export type { ECElementEvent, EChartsType } from 'echarts/core';
