import { chromium } from '@playwright/test';
import { originalPositionFor } from '@jridgewell/trace-mapping';
import { sourceMapOf } from './support/cpu-profile';
import { startServer } from './support/next-server';
import { LINES, program } from './support/typing-workload';

const server = await startServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.addInitScript(({ source }) => {
  localStorage.setItem('sajilo:draft:main', JSON.stringify({ source, stdin: '', latinDigits: false }));
  localStorage.setItem('sajilo:keyboard-layout', 'phonetic');
  const w = window as any;
  w.__calls = [];
  w.__on = false;
  for (const name of ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval']) {
    const orig = (window as any)[name].bind(window);
    (window as any)[name] = (...args: any[]) => {
      if (w.__on) w.__calls.push(name + '\n' + (new Error().stack ?? '').split('\n').slice(2, 9).join('\n'));
      return orig(...args);
    };
  }
}, { source: program(LINES) });
await page.goto(server.baseURL);
await page.locator('[data-testid=editor] .view-lines').waitFor({ state: 'visible', timeout: 60_000 });
await page.locator('[data-testid=editor] .view-lines').click();
await page.keyboard.press('Control+Home');
for (let i = 0; i < 5; i++) await page.keyboard.press('PageDown');
await page.keyboard.press('End');
await page.keyboard.press('Enter');
await page.waitForTimeout(800);
for (const k of 'rakha') await page.keyboard.press(k);
await page.waitForTimeout(300);
await page.evaluate(() => ((window as any).__on = true));
await page.keyboard.press('Space');
await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
const calls: string[] = await page.evaluate(() => { (window as any).__on = false; return (window as any).__calls; });
console.log('calls', calls.length);
const counts = new Map<string, number>();
for (const c of calls) counts.set(c, (counts.get(c) ?? 0) + 1);
const mapFrame = async (line: string) => {
  const m = /(https?:\/\/[^\s)]+):(\d+):(\d+)/.exec(line);
  if (!m) return line.trim();
  const map = await sourceMapOf(m[1]);
  if (!map) return line.trim();
  const p = originalPositionFor(map, { line: +m[2], column: +m[3] - 1 });
  return `${p.source?.replace(/.*node_modules\//, '')}:${p.line} ${p.name ?? ''}`;
};
for (const [c, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  const [name, ...frames] = c.split('\n');
  console.log(n, name);
  for (const fr of frames.slice(0, 5)) console.log('    ', await mapFrame(fr));
}
await browser.close();
server.stop();
