import { Panel, useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { memo, useEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { absoluteBoxes, boundsOf, centreOn, minimapScale, visibleFrame, type MiniMapNode } from './minimap-model';
import './canvas-minimap.css';

const WIDTH = 200;
const HEIGHT = 150;
/** Redraws at most this often: the overview of a busy large task need not follow every commit. */
const REDRAW_MS = 250;
const MIN_FRAME_PX = 6;

const viewportOf = (state: ReactFlowState) => ({ transform: state.transform, width: state.width, height: state.height });
const sameViewport = (a: ReturnType<typeof viewportOf>, b: ReturnType<typeof viewportOf>) =>
  a.width === b.width && a.height === b.height && a.transform[0] === b.transform[0] && a.transform[1] === b.transform[1] && a.transform[2] === b.transform[2];

interface CanvasMiniMapProps {
  /** The flow's nodes; a new list redraws the boxes. */
  nodes: readonly MiniMapNode[];
  /** The CSS variable each node is drawn in (e.g. `--status-running`); a new function redraws. */
  colourOf: (nodeId: string, container: boolean) => string;
  label: string;
}

/**
 * The overview of a large graph, drawn on a canvas: xyflow's minimap draws an SVG element per
 * node, which at thousands of nodes costs more than the graph itself. Click or drag to move.
 */
export const CanvasMiniMap = memo(function CanvasMiniMap({ nodes, colourOf, label }: CanvasMiniMapProps) {
  const { t } = useTranslation();
  // A large graph opens at a readable zoom, not fitted, so the overview may cover nodes in its corner: it folds away.
  const [open, setOpen] = useState(true);
  const flow = useReactFlow();
  const viewport = useStore(viewportOf, sameViewport);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const boxes = useMemo(() => absoluteBoxes(nodes), [nodes]);
  const bounds = useMemo(() => boundsOf(boxes), [boxes]);
  const scale = useMemo(() => minimapScale(bounds, WIDTH, HEIGHT), [bounds]);

  const drawn = useRef(0);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !open) return;
    const draw = () => {
      drawn.current = performance.now();
      const context = canvas.getContext('2d');
      if (!context) return;
      const ratio = window.devicePixelRatio || 1;
      canvas.width = WIDTH * ratio;
      canvas.height = HEIGHT * ratio;
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      const styles = getComputedStyle(canvas);
      const colours = new Map<string, string>();
      const colour = (box: { id: string; container: boolean }) => {
        const variable = colourOf(box.id, box.container);
        let value = colours.get(variable);
        if (value === undefined) colours.set(variable, (value = styles.getPropertyValue(variable).trim() || '#888'));
        return value;
      };
      context.clearRect(0, 0, WIDTH, HEIGHT);
      const { scale: k, offsetX, offsetY } = scale;
      for (const box of boxes) {
        const x = box.x * k + offsetX;
        const y = box.y * k + offsetY;
        const w = Math.max(1, box.width * k);
        const h = Math.max(1, box.height * k);
        if (box.container) {
          context.strokeStyle = colour(box);
          context.lineWidth = 1;
          context.strokeRect(x, y, w, h);
        } else {
          context.fillStyle = colour(box);
          context.fillRect(x, y, w, h);
        }
      }
      const frame = visibleFrame(viewport.transform, viewport.width, viewport.height);
      context.strokeStyle = styles.getPropertyValue('--accent').trim() || '#1f6fd1';
      context.lineWidth = 2;
      // However small the view is against the whole graph, its frame stays visible.
      const frameWidth = Math.max(MIN_FRAME_PX, frame.width * k);
      const frameHeight = Math.max(MIN_FRAME_PX, frame.height * k);
      context.strokeRect(frame.x * k + offsetX + (frame.width * k - frameWidth) / 2, frame.y * k + offsetY + (frame.height * k - frameHeight) / 2, frameWidth, frameHeight);
    };
    const wait = drawn.current + REDRAW_MS - performance.now();
    if (wait <= 0) {
      draw();
      return;
    }
    const timer = setTimeout(draw, wait);
    return () => clearTimeout(timer);
  }, [boxes, scale, colourOf, viewport, open]);

  const moveTo = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const x = (event.clientX - rect.left - scale.offsetX) / scale.scale;
    const y = (event.clientY - rect.top - scale.offsetY) / scale.scale;
    void flow.setViewport(centreOn(x, y, viewport.transform[2], viewport.width, viewport.height));
  };

  return (
    <Panel position="bottom-right" className="canvas-minimap">
      <button type="button" className="canvas-minimap-toggle" data-testid="minimap-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t(open ? 'common.hideOverview' : 'common.showOverview')}
      </button>
      {open && (
        <canvas
          ref={canvasRef}
          style={{ width: `${WIDTH}px`, height: `${HEIGHT}px` }}
          role="img"
          aria-label={label}
          onPointerDown={(event) => {
            event.currentTarget.setPointerCapture(event.pointerId);
            moveTo(event);
          }}
          onPointerMove={(event) => {
            if (event.buttons === 1) moveTo(event);
          }}
        />
      )}
    </Panel>
  );
});
