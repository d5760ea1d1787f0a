import { chromium } from '@playwright/test';
import { startServer } from './support/next-server';
import { LINES, program } from './support/typing-workload';

const server = await startServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.addInitScript(({ source }) => {
  localStorage.setItem('sajilo:draft:main', JSON.stringify({ source, stdin: '', latinDigits: false }));
  localStorage.setItem('sajilo:keyboard-layout', 'phonetic');
}, { source: program(LINES) });
await page.goto(server.baseURL);
await page.locator('[data-testid=editor] .view-lines').waitFor({ state: 'visible', timeout: 60_000 });
await page.locator('[data-testid=editor] .view-lines').click();
await page.keyboard.press('Control+Home');
for (let i = 0; i < 5; i++) await page.keyboard.press('PageDown');
await page.keyboard.press('End');
await page.keyboard.press('Enter');
await page.waitForTimeout(800);
await page.addScriptTag({ content: "window.__name = (f) => f" });
await page.evaluate(() => {
  const w = window as any;
  w.__name = (f: any) => f;
  w.__ev = [];
  const lines = document.querySelector('[data-testid=editor] .view-lines')!;
  const box = () => document.querySelector('.composition-preedit')?.textContent;
  window.addEventListener('keydown', (e) => w.__ev.push([performance.now().toFixed(1), 'key', e.key]), true);
  new MutationObserver(() => w.__ev.push([performance.now().toFixed(1), 'lines'])).observe(lines, { subtree: true, childList: true, characterData: true });
  new MutationObserver(() => w.__ev.push([performance.now().toFixed(1), 'box', box()])).observe(document.querySelector('[data-testid=editor]')!, { subtree: true, childList: true, characterData: true });
  const raf = window.requestAnimationFrame.bind(window);
  const loop = () => raf(() => { w.__ev.push([performance.now().toFixed(1), 'frame']); loop(); const c = new MessageChannel(); c.port1.onmessage = () => w.__ev.push([performance.now().toFixed(1), 'after frame']); c.port2.postMessage(null); });
  loop();
});
for (const ch of 'rakha naya = dekhau(ka)') {
  await page.keyboard.press(ch === ' ' ? 'Space' : ch);
  await page.waitForTimeout(60);
}
const ev = await page.evaluate(() => (window as any).__ev);
for (const e of ev) console.log(e.join(' '));
await browser.close();
server.stop();
