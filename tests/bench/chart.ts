/**
 * A line chart of build time against the number of comments, as a small
 * standalone SVG: one line per pipeline, a point per measured size, labelled
 * axes. Written by hand because it is a few dozen lines and a charting
 * library would bring a browser or a canvas with it.
 */
export interface ChartSeries {
  name: string;
  /** A CSS colour for the line. */
  colour: string;
  dashed?: boolean;
  points: { x: number; y: number }[];
}

const width = 640;
const height = 400;
const left = 64;
const right = 180;
const top = 40;
const bottom = 56;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Round numbers for axis ticks: 1, 2 or 5 times a power of ten. */
function ticks(max: number, count = 5): number[] {
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough || 1));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? power * 10;
  const result: number[] = [];
  for (let value = 0; value <= max + step / 2; value += step) result.push(Number(value.toPrecision(12)));
  return result;
}

export function lineChart(options: { title: string; xLabel: string; yLabel: string; series: ChartSeries[] }): string {
  const all = options.series.flatMap((series) => series.points);
  const xTicks = ticks(Math.max(1, ...all.map((point) => point.x)));
  const yTicks = ticks(Math.max(1, ...all.map((point) => point.y)));
  const xMax = xTicks.at(-1)!;
  const yMax = yTicks.at(-1)!;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const px = (x: number) => (left + (x / xMax) * plotWidth).toFixed(1);
  const py = (y: number) => (top + plotHeight - (y / yMax) * plotHeight).toFixed(1);
  const lines: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="chart-title">`,
    `<title id="chart-title">${escape(options.title)}</title>`,
    '<rect width="100%" height="100%" fill="#fff"/>',
    `<g font-family="system-ui, sans-serif" font-size="12" fill="#222">`,
    `<text x="${left}" y="24" font-size="15" font-weight="600">${escape(options.title)}</text>`
  ];
  for (const tick of yTicks) {
    lines.push(
      `<line x1="${left}" x2="${left + plotWidth}" y1="${py(tick)}" y2="${py(tick)}" stroke="#ddd"/>`,
      `<text x="${left - 8}" y="${py(tick)}" text-anchor="end" dominant-baseline="middle">${tick}</text>`
    );
  }
  for (const tick of xTicks) {
    lines.push(`<text x="${px(tick)}" y="${top + plotHeight + 18}" text-anchor="middle">${tick.toLocaleString('en-GB')}</text>`);
  }
  lines.push(
    `<line x1="${left}" x2="${left}" y1="${top}" y2="${top + plotHeight}" stroke="#222"/>`,
    `<line x1="${left}" x2="${left + plotWidth}" y1="${top + plotHeight}" y2="${top + plotHeight}" stroke="#222"/>`,
    `<text x="${left + plotWidth / 2}" y="${height - 14}" text-anchor="middle">${escape(options.xLabel)}</text>`,
    `<text transform="translate(18 ${top + plotHeight / 2}) rotate(-90)" text-anchor="middle">${escape(options.yLabel)}</text>`
  );
  for (const [index, series] of options.series.entries()) {
    const points = [...series.points].sort((a, b) => a.x - b.x);
    const dash = series.dashed ? ' stroke-dasharray="6 4"' : '';
    lines.push(
      `<g class="series" data-name="${escape(series.name)}">`,
      `<polyline fill="none" stroke="${series.colour}" stroke-width="2.5"${dash} points="${points.map((point) => `${px(point.x)},${py(point.y)}`).join(' ')}"/>`,
      ...points.map((point) => `<circle cx="${px(point.x)}" cy="${py(point.y)}" r="3.5" fill="${series.colour}"/>`),
      '</g>'
    );
    const legendY = top + 12 + index * 22;
    lines.push(
      `<line x1="${width - right + 16}" x2="${width - right + 44}" y1="${legendY}" y2="${legendY}" stroke="${series.colour}" stroke-width="2.5"${dash}/>`,
      `<text x="${width - right + 52}" y="${legendY}" dominant-baseline="middle">${escape(series.name)}</text>`
    );
  }
  lines.push('</g>', '</svg>', '');
  return lines.join('\n');
}
