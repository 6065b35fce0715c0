import { useCallback, useEffect, useState } from 'react';
import { formatRoute, parseRoute, type Route } from './route';

/** The route in the URL fragment, following the back and forward buttons. */
export function useRoute(): [Route, (route: Route, options?: { replace?: boolean }) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const follow = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  const navigate = useCallback((next: Route, options?: { replace?: boolean }) => {
    const hash = formatRoute(next);
    if (options?.replace) history.replaceState(null, '', hash);
    else history.pushState(null, '', hash);
    setRoute(next);
  }, []);
  return [route, navigate];
}
