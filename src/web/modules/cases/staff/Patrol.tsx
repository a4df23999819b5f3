/**
 * Patrol (巡查): start/stop, GPS track by watchPosition, points sent in batches (≤ 500 a call) every 30 s and
 * on stop. The patrol id is kept in localStorage so a reload does not lose the patrol; cases reported while it
 * runs carry the patrol id (the server tags them patrol-found).
 */
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { casesApi, type Crs, type Patrol as PatrolT } from '../../../api/cases.ts';
import { preferredCrs } from '../geo.ts';
import { runningPatrol, setRunningPatrol } from '../patrolStore.ts';
import { useSubmit } from '../../../lib/useSubmit.ts';
import { timeOfDay } from '../../../lib/format.ts';

type Point = { lon: number; lat: number; at: string; crs: Crs };

/** The patrol card. */
export function PatrolCard() {
  const { t } = useTranslation();
  const [patrol, setPatrol] = useState<PatrolT | null>(runningPatrol);
  const [last, setLast] = useState<PatrolT | null>(null);
  const [count, setCount] = useState(0);
  const { busy, error, setError, run } = useSubmit();
  const buffer = useRef<Point[]>([]);

  const flush = async (id: string) => {
    const pts = buffer.current.splice(0, 500);
    if (!pts.length) return;
    try {
      await casesApi.track(id, pts);
    } catch {
      buffer.current.unshift(...pts); // try again with the next batch
    }
  };

  // The watch and the timer live as long as one patrol (its id); the callbacks read the latest state.
  const patrolId = patrol?.id ?? null;
  const onPoint = useEffectEvent((p: GeolocationPosition, crs: Crs) => {
    buffer.current.push({
      lon: p.coords.longitude,
      lat: p.coords.latitude,
      at: new Date(p.timestamp).toISOString(),
      crs,
    });
    setCount((n) => n + 1);
  });
  const onGpsError = useEffectEvent((e: GeolocationPositionError) =>
    setError(t('cases.patrol.gpsError', { reason: e.message })),
  );
  const onTick = useEffectEvent((id: string) => void flush(id));
  useEffect(() => {
    if (!patrolId || !('geolocation' in navigator)) return;
    const crs = preferredCrs();
    const watch = navigator.geolocation.watchPosition(
      (p) => onPoint(p, crs),
      (e) => onGpsError(e),
      { enableHighAccuracy: true, maximumAge: 10_000 },
    );
    const timer = setInterval(() => onTick(patrolId), 30_000);
    return () => {
      navigator.geolocation.clearWatch(watch);
      clearInterval(timer);
    };
  }, [patrolId]);

  const start = () =>
    run(async () => {
      const r = await casesApi.startPatrol();
      setRunningPatrol(r.patrol);
      setPatrol(r.patrol);
      setLast(null);
      setCount(0);
    });
  const stop = () =>
    run(async () => {
      if (!patrol) return;
      while (buffer.current.length) await flush(patrol.id);
      const r = await casesApi.stopPatrol(patrol.id);
      setLast(r.patrol);
      setRunningPatrol(null);
      setPatrol(null);
    });

  return (
    <Card size="small" title={t('cases.patrol.title')} data-testid="patrol">
      {patrol ? (
        <Space direction="vertical">
          <Typography.Text strong>
            ● {t('cases.patrol.running', { since: timeOfDay(patrol.startedAt) })}
          </Typography.Text>
          <Typography.Text>{t('cases.patrol.points', { count })}</Typography.Text>
          <Button danger size="large" loading={busy} onClick={() => void stop()} data-testid="patrol-stop">
            ■ {t('cases.patrol.stop')}
          </Button>
        </Space>
      ) : (
        <Space direction="vertical">
          {last && (
            <Typography.Text>
              ✓{' '}
              {t('cases.patrol.summary', {
                km: ((last.distanceM ?? 0) / 1000).toFixed(2),
                points: last.points ?? 0,
                found: last.casesFound ?? 0,
              })}
            </Typography.Text>
          )}
          <Button type="primary" size="large" loading={busy} onClick={() => void start()} data-testid="patrol-start">
            ▶ {t('cases.patrol.start')}
          </Button>
        </Space>
      )}
      {error && <Alert className="cs-gap-top" type="warning" showIcon title={error} />}
    </Card>
  );
}
