/**
 * Charts drawn in-process with chart.js on @napi-rs/canvas (Skia, shipped as a prebuilt npm
 * package: no system libraries to build, unlike node-canvas). Text uses the system's fonts; the
 * Docker image installs DejaVu for it.
 */
import { createCanvas } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration, type Plugin } from 'chart.js';
import type { ChartRenderer, LineChart } from '../core/ports.js';

Chart.register(...registerables);

/** Colour-blind-safe (Okabe-Ito), in the order the series come. */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

/** A white background: a transparent PNG is unreadable on a dark chat theme. */
const whiteBackground: Plugin<'line'> = {
  id: 'prepbot-background',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

export class ChartJsRenderer implements ChartRenderer {
  constructor(
    readonly width = 900,
    readonly height = 450,
  ) {}

  async renderPng(spec: LineChart): Promise<Uint8Array> {
    const canvas = createCanvas(this.width, this.height);
    const config: ChartConfiguration<'line'> = {
      type: 'line',
      data: {
        labels: spec.labels,
        datasets: spec.series.map((s, i) => ({
          label: s.name,
          data: s.values,
          borderColor: PALETTE[i % PALETTE.length],
          backgroundColor: PALETTE[i % PALETTE.length],
          borderWidth: 3,
          pointRadius: 4,
          spanGaps: true,
        })),
      },
      options: {
        animation: false,
        responsive: false,
        devicePixelRatio: 1,
        plugins: { title: { display: true, text: spec.title, font: { size: 18 } }, legend: { position: 'bottom' } },
        scales: { y: { min: 0, max: spec.yMax, ticks: { stepSize: 1 } } },
      },
      plugins: [whiteBackground],
    };
    // chart.js draws on any 2D context; Skia's is the browser's in all it uses.
    const chart = new Chart(canvas.getContext('2d') as unknown as ConstructorParameters<typeof Chart>[0], config);
    try {
      return await canvas.encode('png');
    } finally {
      chart.destroy();
    }
  }
}
