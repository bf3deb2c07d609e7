import { beforeEach, describe, expect, it } from 'vitest';
import { THEME_STORAGE_KEY, applyTheme, initialTheme } from './theme';

describe('theme', () => {
  beforeEach(() => localStorage.clear());

  it('follows the system preference until the user picks one', () => {
    expect(initialTheme(true)).toBe('dark');
    expect(initialTheme(false)).toBe('light');
  });

  it('remembers the theme the user picked over the system preference', () => {
    applyTheme('light');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('light');
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(initialTheme(true)).toBe('light');
  });

  it('ignores a corrupted stored value', () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'purple');
    expect(initialTheme(true)).toBe('dark');
  });
});
