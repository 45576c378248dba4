/**
 * The part of ECharts the app draws with: core, bar and line charts, grid, legend, tooltip and the SVG
 * renderer (crisp on phones and in print). Named static imports let the bundler drop the rest; EChart loads
 * this module on demand, so pages without a chart never download it.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { init };
