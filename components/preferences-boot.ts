// Where the interface preferences are remembered, and the inline script that applies them to
// <html> before the first paint. Not a client module ('use client'), on purpose: the root layout
// (a server component) puts the script in <head>, and a value a server component takes from a
// client module reaches the browser as a reference to that module, not as its text. React then
// waits for the module while it hydrates <head>, and a wait inside <head> makes it lose its place
// (react/react#37551): the first element of <body> is looked for among the head's children and
// React reports a mismatch (#418) although server and client agree. That happened on /examples
// when its own code arrived after the shared code (docs/ide.md, "Known problems").
export const LANGUAGE_STORAGE_KEY = 'sajilo:ui-language';
export const THEME_STORAGE_KEY = 'sajilo:theme';

/** Runs before hydration: applies the remembered theme (or the system's) and language. */
export const PREFERENCES_BOOT_SCRIPT = `(function(){try{var d=document.documentElement;var t=localStorage.getItem('${THEME_STORAGE_KEY}');if(t!=='light'&&t!=='dark'){t=window.matchMedia&&matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'}d.dataset.theme=t;var l=localStorage.getItem('${LANGUAGE_STORAGE_KEY}');if(l==='en'||l==='ne')d.lang=l}catch(e){}})();`;
