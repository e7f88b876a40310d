import { describe, expect, it } from 'vitest';
import { columns, horizontalBars } from './charts.js';

describe('server-drawn charts', () => {
  it('are images with a title and a description, and escape what people typed', () => {
    const svg = horizontalBars({
      id: 'c1',
      title: 'Per <layanan>',
      description: 'KK: 3',
      bars: [{ label: '<script>x</script>', value: 3, text: '3' }],
    }).value;
    expect(svg).toMatch(/^<svg class="chart" viewBox="0 0 1000 \d+" width="100%" role="img" aria-labelledby="c1-title c1-desc"/);
    expect(svg).toContain('<title id="c1-title">Per &lt;layanan&gt;</title>');
    expect(svg).toContain('<desc id="c1-desc">KK: 3</desc>');
    expect(svg).not.toContain('<script>');
  });

  it('scales bars to the largest value, or to a given maximum', () => {
    const bars = [
      { label: 'A', value: 10, text: '10' },
      { label: 'B', value: 5, text: '5' },
    ];
    const widths = (svg: string) => [...svg.matchAll(/<rect x="300" y="\d+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths(horizontalBars({ id: 'a', title: 't', description: 'd', bars }).value)).toEqual([530, 265]);
    expect(widths(horizontalBars({ id: 'b', title: 't', description: 'd', bars, max: 20 }).value)).toEqual([265, 132.5]);
  });

  it('labels the value axis in whole, round steps and stacks series when asked', () => {
    const svg = columns({
      id: 'c2',
      title: 't',
      description: 'd',
      categories: ['07.00', '08.00'],
      series: [
        { name: 'Check-in', colour: '#0a4d8c', values: [7, 2] },
        { name: 'Panggilan', colour: '#7a4a00', values: [0, 5] },
      ],
      stacked: true,
    }).value;
    const axis = [...svg.matchAll(/text-anchor="end" font-size="22" fill="#16202a">(\d+)</g)].map((m) => Number(m[1]));
    expect(axis).toEqual([0, 2, 4, 6, 8]);
    // The stack's total is written above it.
    expect(svg).toMatch(/font-weight="700" fill="#16202a">7<\/text>/);
    expect(svg).toContain('>Panggilan</text>');
  });
});
