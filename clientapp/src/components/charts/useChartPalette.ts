import { useEffect, useState } from 'react';
import { readPalette, type ChartPalette } from './palette';

/** The chart palette, read again whenever the theme toggle changes `data-theme` on the root element. */
export function useChartPalette(): ChartPalette {
  const [palette, setPalette] = useState(readPalette);
  useEffect(() => {
    const observer = new MutationObserver(() => setPalette(readPalette()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return palette;
}
