import { useSyncExternalStore } from 'react';

type ColorMode = 'light' | 'dark';

function current(): ColorMode {
  return document.documentElement.dataset['theme'] === 'dark' ? 'dark' : 'light';
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

/**
 * The theme the document shows, for xyflow's own controls and minimap. Panels receive no
 * theme prop, so this follows the data-theme attribute the app sets.
 */
export function useColorMode(): ColorMode {
  return useSyncExternalStore(subscribe, current);
}
