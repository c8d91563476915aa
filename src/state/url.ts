// The whole view as a URL hash and back, pure and defensive: "#node=…&f=INT4+AND+KV+cache&hide=2,5&kind=papers&min=3&q=…&cam=…".
import { KIND_FILTERS, noFilters, type Filters, type KindFilter } from './state.ts';

export interface CameraParam {
  x: number;
  y: number;
  ratio: number;
}

export interface UrlView {
  selected: string | null;
  filters: Filters;
  cluster: number | null;
  search: string;
  listView: boolean;
  camera: CameraParam | null;
  embed: boolean;
}

export const emptyUrlView: UrlView = {
  selected: null,
  filters: noFilters,
  cluster: null,
  search: '',
  listView: false,
  camera: null,
  embed: false,
};

const MAX_HASH = 4000;
const MAX_KEY = 500;
const MAX_TEXT = 300;
const MAX_IDS = 200;

const intParam = (value: string | null, max: number): number | null => {
  if (value === null || !/^\d{1,7}$/.test(value)) return null;
  const n = Number(value);
  return n <= max ? n : null;
};

const text = (value: string | null, max: number): string => (value ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, max);

function camera(value: string | null): CameraParam | null {
  if (!value) return null;
  const parts = value.split(',');
  if (parts.length !== 3 || parts.some((p) => !/^-?\d{1,6}(\.\d{1,8})?$/.test(p))) return null;
  const [x, y, ratio] = parts.map(Number) as [number, number, number];
  if (Math.abs(x) > 100 || Math.abs(y) > 100 || !(ratio > 0) || ratio > 100) return null;
  return { x, y, ratio };
}

/** Reads a hash (and optionally the query string, for "?embed"); anything malformed is dropped, never thrown. */
export function parseViewHash(hash: string, query = ''): UrlView {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(hash.slice(0, MAX_HASH).replace(/^#/, ''));
  } catch {
    return emptyUrlView;
  }
  const get = (name: string): string | null => {
    try {
      return params.get(name);
    } catch {
      return null;
    }
  };
  const node = get('node');
  const kind = get('kind');
  const hide = (get('hide') ?? '')
    .split(',')
    .slice(0, MAX_IDS)
    .map((id) => intParam(id, 1e6))
    .filter((id): id is number => id !== null);
  let embed = params.has('embed');
  try {
    embed ||= new URLSearchParams(query).has('embed');
  } catch {
    // a malformed query string is not an embed request
  }
  return {
    selected: node && node.length <= MAX_KEY ? node : null,
    filters: {
      query: text(get('f'), MAX_TEXT),
      hiddenClusters: [...new Set(hide)].sort((a, b) => a - b),
      kinds: KIND_FILTERS.includes(kind as KindFilter) ? (kind as KindFilter) : 'both',
      minPapers: intParam(get('min'), 1e6) ?? 0,
    },
    cluster: intParam(get('cluster'), 1e6),
    search: text(get('q'), 200),
    listView: get('list') === '1',
    camera: camera(get('cam')),
    embed,
  };
}

const round = (n: number, digits: number): string => String(Math.round(n * 10 ** digits) / 10 ** digits);

/** The hash for a view ("" when there is nothing to keep); parameters in a fixed order so equal views give equal URLs. */
export function formatViewHash(view: UrlView): string {
  const params = new URLSearchParams();
  if (view.selected !== null) params.set('node', view.selected);
  if (view.cluster !== null) params.set('cluster', String(view.cluster));
  const f = view.filters;
  if (f.query.trim()) params.set('f', f.query);
  if (f.hiddenClusters.length) params.set('hide', f.hiddenClusters.join(','));
  if (f.kinds !== 'both') params.set('kind', f.kinds);
  if (f.minPapers > 1) params.set('min', String(f.minPapers));
  if (view.search.trim()) params.set('q', view.search);
  if (view.listView) params.set('list', '1');
  if (view.camera) params.set('cam', `${round(view.camera.x, 4)},${round(view.camera.y, 4)},${round(view.camera.ratio, 3)}`);
  // Commas are fine in a fragment and keep "hide=2,5" and the camera readable.
  let out = params.toString().replace(/%2C/gi, ',');
  if (view.embed) out = out ? `${out}&embed` : 'embed';
  return out ? `#${out}` : '';
}
