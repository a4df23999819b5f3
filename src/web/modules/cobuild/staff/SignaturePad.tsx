/** A signature drawn with a finger or mouse on a canvas, saved as a PNG data URL (pointer events, no library). */
import { useRef } from 'react';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** The pad; `onSave` gets the PNG data URL. */
export function SignaturePad({ onSave }: { onSave: (png: string) => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const drawn = useRef(false);
  const at = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return [
      ((e.clientX - r.left) * e.currentTarget.width) / r.width,
      ((e.clientY - r.top) * e.currentTarget.height) / r.height,
    ] as const;
  };
  const clear = () => {
    const c = ref.current;
    const g = c?.getContext('2d');
    if (!c || !g) return;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, c.width, c.height);
    drawn.current = false;
  };
  return (
    <div>
      <canvas
        ref={(c) => {
          ref.current = c;
          if (c && !drawn.current) clear();
        }}
        width={480}
        height={160}
        data-testid="signature-pad"
        style={{ width: '100%', maxWidth: 480, border: '1px solid #999', touchAction: 'none', background: '#fff' }}
        onPointerDown={(e) => {
          const g = e.currentTarget.getContext('2d');
          if (!g) return;
          drawing.current = true;
          const [x, y] = at(e);
          g.lineWidth = 3;
          g.lineCap = 'round';
          g.strokeStyle = '#111';
          g.beginPath();
          g.moveTo(x, y);
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const g = e.currentTarget.getContext('2d');
          const [x, y] = at(e);
          g?.lineTo(x, y);
          g?.stroke();
          drawn.current = true;
        }}
        onPointerUp={() => {
          drawing.current = false;
        }}
      />
      <Space>
        <Button onClick={clear}>{t('cobuild.project.clear')}</Button>
        <Button
          type="primary"
          data-testid="signature-save"
          onClick={() => ref.current && drawn.current && onSave(ref.current.toDataURL('image/png'))}
        >
          {t('cobuild.project.saveSignature')}
        </Button>
      </Space>
    </div>
  );
}
