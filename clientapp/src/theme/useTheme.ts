import { useCallback, useState } from 'react';
import { applyTheme, initialTheme, type Theme } from './theme';

export function useTheme() {
  const [theme, setTheme] = useState<Theme>(() =>
    initialTheme(window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false),
  );

  const toggle = useCallback(() => {
    setTheme((current) => {
      const next: Theme = current === 'dark' ? 'light' : 'dark';
      applyTheme(next);
      return next;
    });
  }, []);

  return { theme, toggle };
}
