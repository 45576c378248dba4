/**
 * The part of ECharts the compliance chart uses: core, the bar chart, grid, legend, tooltip and the SVG
 * renderer. Named static imports let the bundler drop the rest; ComplianceChart loads this module on demand.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { init };
