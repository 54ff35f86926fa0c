/**
 * The velocity chart (issue 15 §2: x month, y days, a line per stage pair), drawn with the Canvas
 * 2D API that both the weapp runtime and H5 have.
 *
 * Why no chart library: @antv/f2 5 brings its own JSX renderer (f-engine), lottie, d3-cloud and
 * gl-matrix, and needs a per-platform canvas adaptor and a JSX pragma that clashes with React's in
 * the same file; ECharts for mini-programs ships a ~1 MB build. The 数据 page needs two shapes —
 * bars (plain views, `bar-list`) and polylines (this file, about a hundred lines) — so drawing
 * them ourselves keeps the admin subpackage small and the main package untouched.
 */
import { Canvas, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import './index.css';

export interface ChartLine {
  key: string;
  label: string;
  /** One value per month; null where nothing moved that month. */
  values: readonly (number | null)[];
}

export const LINE_COLOURS = ['#1f6feb', '#00b42a', '#ff7d00', '#f53f3f', '#722ed1', '#0fc6c2'];

interface Canvas2d {
  width: number;
  height: number;
  getContext(kind: '2d'): CanvasRenderingContext2D | null;
}

/** The `<canvas>` node behind a Taro `<Canvas type="2d">`, on either platform. */
function findCanvas(id: string): Promise<{ canvas: Canvas2d; width: number; height: number } | null> {
  if (Taro.getEnv() === Taro.ENV_TYPE.WEB) {
    const host = document.getElementById(id);
    const canvas = (host?.tagName === 'CANVAS' ? host : host?.querySelector('canvas')) as HTMLCanvasElement | null;
    const rect = host?.getBoundingClientRect();
    return Promise.resolve(canvas && rect ? { canvas, width: rect.width, height: rect.height } : null);
  }
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: Canvas2d; width: number; height: number }[]) => {
        const hit = res[0];
        resolve(hit?.node ? { canvas: hit.node, width: hit.width, height: hit.height } : null);
      });
  });
}

function draw(
  target: { canvas: Canvas2d; width: number; height: number },
  months: readonly string[],
  lines: readonly ChartLine[],
) {
  const ratio = Taro.getSystemInfoSync().pixelRatio || 1;
  const { canvas, width, height } = target;
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.scale(ratio, ratio);
  ctx.clearRect(0, 0, width, height);
  const pad = { left: 34, right: 16, top: 10, bottom: 24 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const max = Math.max(1, ...lines.flatMap((l) => l.values.filter((v): v is number => v !== null)));
  const top = Math.ceil(max / 5) * 5;
  const x = (i: number) => pad.left + (months.length <= 1 ? plotW / 2 : (plotW * i) / (months.length - 1));
  const y = (v: number) => pad.top + plotH - (plotH * v) / top;
  ctx.font = '10px sans-serif';
  ctx.fillStyle = '#86909c';
  ctx.strokeStyle = '#e5e6eb';
  ctx.lineWidth = 1;
  for (let k = 0; k <= 4; k += 1) {
    const value = (top * k) / 4;
    ctx.beginPath();
    ctx.moveTo(pad.left, y(value));
    ctx.lineTo(width - pad.right, y(value));
    ctx.stroke();
    ctx.fillText(`${Math.round(value)}天`, 0, y(value) + 3);
  }
  ctx.textAlign = 'center';
  months.forEach((month, i) => {
    ctx.fillText(`${Number(month.slice(5))}月`, x(i), height - 6);
  });
  lines.forEach((line, n) => {
    ctx.strokeStyle = LINE_COLOURS[n % LINE_COLOURS.length] ?? '#1f6feb';
    ctx.fillStyle = ctx.strokeStyle;
    ctx.lineWidth = 2;
    ctx.beginPath();
    let isDrawing = false;
    line.values.forEach((v, i) => {
      if (v === null) {
        isDrawing = false;
        return;
      }
      if (isDrawing) ctx.lineTo(x(i), y(v));
      else ctx.moveTo(x(i), y(v));
      isDrawing = true;
    });
    ctx.stroke();
    line.values.forEach((v, i) => {
      if (v === null) return;
      ctx.beginPath();
      ctx.arc(x(i), y(v), 2.5, 0, Math.PI * 2);
      ctx.fill();
    });
  });
}

/** Lines over months; the legend is text, so it reads and wraps like the rest of the page. */
export function VelocityChart({
  id,
  months,
  lines,
}: {
  id: string;
  months: readonly string[];
  lines: readonly ChartLine[];
}) {
  const signature = JSON.stringify([months, lines]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `signature` stands for months and lines.
  useEffect(() => {
    let cancelled = false;
    // After the canvas is laid out (the next tick on both platforms).
    const timer = setTimeout(() => {
      void findCanvas(id).then((target) => {
        if (target && !cancelled) draw(target, months, lines);
      });
    }, 50);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [id, signature]);
  return (
    <View className="velocity-chart">
      <Canvas type="2d" id={id} className="velocity-chart__canvas" />
      <View className="velocity-chart__legend">
        {lines.map((line, n) => (
          <View key={line.key} className="velocity-chart__key">
            <View className="velocity-chart__swatch" style={{ background: LINE_COLOURS[n % LINE_COLOURS.length] }} />
            <Text className="velocity-chart__label">{line.label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
