/**
 * MapLibre, loaded once on demand for every map page (maplibre 6: named exports; Vite does not emit the worker,
 * so its URL comes from `?url`).
 */
type Ml = typeof import('maplibre-gl');
let loading: Promise<Ml> | null = null;

/** Load MapLibre, its worker URL and its CSS. */
export function loadMapLibre(): Promise<Ml> {
  loading ??= Promise.all([
    import('maplibre-gl'),
    import('maplibre-gl/dist/maplibre-gl-worker.mjs?url'),
    import('maplibre-gl/dist/maplibre-gl.css'),
  ]).then(([ml, worker]) => {
    ml.setWorkerUrl(worker.default);
    return ml;
  });
  return loading;
}
