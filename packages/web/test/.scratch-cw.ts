import { startDemoServer } from './demo-server.js';
import { launchBrowser, newContext, phone, signIn } from './browser.js';
const who = process.argv[2] ?? 'anhorig';
const server = await startDemoServer();
const browser = await launchBrowser();
try {
  const context = await newContext(browser, phone);
  const page = await context.newPage();
  page.on('console', (m) => console.log('console:', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await signIn(page, server.url, who);
  await page.waitForTimeout(4000);
  console.log(page.url());
  console.log((await page.locator('body').innerText()).slice(0, 1500));
  const h = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, i = 0; y < h && i < 12; y += 800, i++) {
    await page.screenshot({ path: `/tmp/wl/shots/${who}-${i}.png`, clip: { x: 0, y, width: 375, height: 800 }, fullPage: true });
  }
} finally {
  await browser.close();
  await server.close();
}
