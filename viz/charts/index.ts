// One chart per file; each appends an SVG to a container from the container's own document.
export { chartFrame, HOUR_MARKS, type ChartFrame, type FrameOptions } from './chart-frame.ts';
export { leadTimeHistogram } from './lead-time-histogram.ts';
export { leadTimeCdf } from './lead-time-cdf.ts';
export { dailyFlowChart } from './daily-flow-chart.ts';
export { costComponentsChart } from './cost-components-chart.ts';
export { nodeUtilisationChart } from './node-utilisation-chart.ts';
export { replicationSpreadChart, SPREAD_METRICS } from './replication-spread-chart.ts';
export { stageBarsChart, stageBars, STAGE_STYLE, SLICE_LABEL, type StageBar } from './stage-bars-chart.ts';
