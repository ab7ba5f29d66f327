import { useEffect, useState } from 'react';
import { areaFromHash, type Area } from './areas';

export interface Route {
  area: Area;
  /** The record id after the area, e.g. #/log/12 → 12. */
  id: number | null;
}

function parse(hash: string): Route {
  const id = Number(hash.replace(/^#\/?/, '').split('/')[1]);
  return { area: areaFromHash(hash), id: Number.isInteger(id) && id > 0 ? id : null };
}

/** Hash routes survive a reload and work the same under app:// and http://127.0.0.1. */
export function useRoute(): [Route, (area: Area, id?: number | null) => void] {
  const [route, setRoute] = useState<Route>(() => parse(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return [route, (area, id) => (window.location.hash = id ? `#/${area}/${id}` : `#/${area}`)];
}
