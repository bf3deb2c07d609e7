export type Theme = 'light' | 'dark';

/** Also read by the inline script in index.html, which applies the theme before first paint. */
export const THEME_STORAGE_KEY = 'faultline.theme';

export function savedTheme(storage: Pick<Storage, 'getItem'> = localStorage): Theme | null {
  const value = storage.getItem(THEME_STORAGE_KEY);
  return value === 'light' || value === 'dark' ? value : null;
}

export function initialTheme(prefersDark: boolean, storage?: Pick<Storage, 'getItem'>): Theme {
  return savedTheme(storage) ?? (prefersDark ? 'dark' : 'light');
}

export function applyTheme(theme: Theme, storage: Pick<Storage, 'setItem'> = localStorage): void {
  document.documentElement.dataset.theme = theme;
  storage.setItem(THEME_STORAGE_KEY, theme);
}
