// Only the charts and components the dashboards and the models page draw, so the bundle leaves the rest of ECharts out.
import {
  BarChart, HeatmapChart, LineChart, PieChart, type BarSeriesOption, type HeatmapSeriesOption, type LineSeriesOption, type PieSeriesOption,
} from 'echarts/charts';
import {
  GridComponent, LegendComponent, TooltipComponent, VisualMapContinuousComponent, type GridComponentOption, type LegendComponentOption,
  type TooltipComponentOption, type VisualMapComponentOption,
} from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([LineChart, BarChart, PieChart, HeatmapChart, GridComponent, LegendComponent, TooltipComponent, VisualMapContinuousComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  | LineSeriesOption | BarSeriesOption | PieSeriesOption | HeatmapSeriesOption
  | GridComponentOption | LegendComponentOption | TooltipComponentOption | VisualMapComponentOption
>;

export { init };
export type { LegendComponentOption, TooltipComponentOption };
export type { ECElementEvent, EChartsType } from 'echarts/core';
