// Server component: asks the browser to fetch the code of the page's client-only modules
// (on the IDE's pages, Monaco and the editor) from the first bytes of the HTML, at high
// priority, instead of after the page's own scripts have run. next/dynamic does this only
// for components rendered on the server, and the editor is not (it needs `window`).
// The files come from the route's loadable manifest, which Next keeps in the request's work
// store (as its own PreloadChunks reads it); on a page with no client-only module it is empty.
import { preload } from 'react-dom';
import { workAsyncStorage } from 'next/dist/server/app-render/work-async-storage.external';

export function EditorPreload() {
  const store = workAsyncStorage.getStore();
  const manifest = store?.reactLoadableManifest;
  if (!store || !manifest) return null;
  for (const entry of Object.values(manifest)) {
    for (const file of entry.files) {
      const href = `${store.assetPrefix ?? ''}/_next/${file.split('/').map(encodeURIComponent).join('/')}`;
      if (file.endsWith('.js')) preload(href, { as: 'script', fetchPriority: 'high', nonce: store.nonce });
      else if (file.endsWith('.css')) preload(href, { as: 'style', fetchPriority: 'high', nonce: store.nonce });
    }
  }
  return null;
}
