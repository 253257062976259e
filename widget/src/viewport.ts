// Where the panel goes: full screen on narrow viewports (phones), following the on-screen
// keyboard there, else a floating window next to the launcher.
import { useEffect, useState } from 'preact/hooks';

export type Layout = 'fullscreen' | 'floating';

const NARROW = '(max-width: 639.98px)';

function currentLayout(): Layout {
  return window.matchMedia?.(NARROW).matches ? 'fullscreen' : 'floating';
}

export function useLayout(): Layout {
  const [layout, setLayout] = useState(currentLayout);
  useEffect(() => {
    const query = window.matchMedia?.(NARROW);
    if (!query) return;
    const update = (): void => setLayout(currentLayout());
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return layout;
}

/**
 * Keeps a full-screen panel inside the visual viewport, so the on-screen keyboard does not
 * cover the input: the panel takes the visible height and follows the visible area's top.
 */
export function useKeyboardFit(panel: { current: HTMLElement | null }, active: boolean): void {
  useEffect(() => {
    const viewport = window.visualViewport;
    const element = panel.current;
    if (!active || !viewport || !element) return;
    const fit = (): void => {
      element.style.height = `${viewport.height}px`;
      element.style.top = `${viewport.offsetTop}px`;
    };
    fit();
    viewport.addEventListener('resize', fit);
    viewport.addEventListener('scroll', fit);
    return () => {
      viewport.removeEventListener('resize', fit);
      viewport.removeEventListener('scroll', fit);
      element.style.height = '';
      element.style.top = '';
    };
  }, [active, panel.current]);
}
