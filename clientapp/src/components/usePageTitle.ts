import { useEffect } from 'react';

/** The browser tab's title: the page's own, most specific part first, then the product ("Run #123 · acme/api · Faultline"). */
export function usePageTitle(...parts: (string | null | undefined)[]) {
  const title = [...parts.filter((part): part is string => !!part), 'Faultline'].join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
