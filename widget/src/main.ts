// Entry point of the Concierge embed script. It runs once inside an IIFE on the
// business's own website, so it must never throw and must leave the host page
// alone apart from the single window.ConciergeWidget handle.
import { findOwnScript, readWidgetConfig, WidgetConfigError, type WidgetConfig } from './config';

export interface ConciergeWidgetHandle {
  readonly config: Readonly<WidgetConfig>;
}

declare global {
  interface Window {
    ConciergeWidget?: ConciergeWidgetHandle;
  }
}

function start(): void {
  // A page that embeds the snippet twice still gets one widget.
  if (window.ConciergeWidget !== undefined) {
    return;
  }
  const script = findOwnScript(document);
  if (script === null) {
    report('Could not find the widget <script> tag (expected a data-client-id attribute).');
    return;
  }
  const config = Object.freeze(readWidgetConfig(script));
  window.ConciergeWidget = Object.freeze({ config });
}

function report(message: string): void {
  console.error('[Concierge] ' + message);
}

try {
  start();
} catch (error) {
  report(error instanceof WidgetConfigError ? error.message : 'The widget failed to start: ' + String(error));
}
