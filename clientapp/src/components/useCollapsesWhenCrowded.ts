import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * Whether a bar's contents must fold into a menu: true once laid out in full they are wider than the bar,
 * false again once the bar is as wide as they needed. Measured rather than set by a breakpoint, since the
 * links, the organisation and the e-mail shown differ per user. A new contentKey lays the bar out in full again.
 */
export function useCollapsesWhenCrowded(bar: RefObject<HTMLElement | null>, contentKey: string): boolean {
  const [collapsed, setCollapsed] = useState(false);
  const [measuredKey, setMeasuredKey] = useState(contentKey);
  const neededWidth = useRef(0);

  if (measuredKey !== contentKey) {
    setMeasuredKey(contentKey);
    setCollapsed(false);
  }

  useLayoutEffect(() => {
    const element = bar.current;
    if (!element) return;
    const fit = () => {
      if (!collapsed) {
        if (element.scrollWidth > element.clientWidth) {
          neededWidth.current = element.scrollWidth;
          setCollapsed(true);
        }
      } else if (element.clientWidth >= neededWidth.current) {
        setCollapsed(false);
      }
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, [bar, collapsed, measuredKey]);

  return collapsed;
}
