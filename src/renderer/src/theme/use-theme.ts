import { useCallback, useEffect, useState } from 'react';
import { pickTheme, THEME_STORAGE_KEY, type Theme } from './theme-preference';

function storedTheme(): string | null {
  try {
    return localStorage.getItem(THEME_STORAGE_KEY);
  } catch {
    return null;
  }
}

function initialTheme(): Theme {
  return pickTheme(storedTheme(), window.matchMedia('(prefers-color-scheme: dark)').matches);
}

/** The current theme, applied to the document as data-theme so the CSS variables follow it. */
export function useTheme(): [Theme, (theme: Theme) => void] {
  const [theme, setThemeState] = useState<Theme>(initialTheme);
  useEffect(() => {
    document.documentElement.dataset['theme'] = theme;
  }, [theme]);
  const setTheme = useCallback((next: Theme) => {
    setThemeState(next);
    try {
      localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Without storage the choice lasts as long as the window.
    }
  }, []);
  return [theme, setTheme];
}
