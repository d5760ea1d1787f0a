// Loads the real monaco-editor in vitest's jsdom environment (files using it start with
// `// @vitest-environment jsdom`). jsdom lacks CSS.escape and matchMedia, which Monaco's
// theme service calls; the same shims monaco-editor's own grammar tests install.
import type { MonacoApi } from '@/lib/editor/monaco-types';

function installDomShims(): void {
  const global = globalThis as Record<string, unknown>;
  global.CSS ??= { escape: (text: string) => text.replace(/([^\w-])/g, '\\$1'), supports: () => false };
  const matchMedia = () => ({
    matches: false,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => true,
  });
  global.matchMedia ??= matchMedia;
  (window as unknown as Record<string, unknown>).matchMedia ??= matchMedia;
}

let loading: Promise<MonacoApi> | null = null;

export function loadMonaco(): Promise<MonacoApi> {
  installDomShims();
  loading ??= import('monaco-editor/editor/editor.api') as unknown as Promise<MonacoApi>;
  return loading;
}
