// The sign-in page in the languages clients and relatives read, in a real browser on the demo
// municipality: the Arabic client signs out and meets an Arabic, right-to-left sign-in page (its
// errors too, axe-clean on a phone and at 200 % text); the next person on that family computer
// keeps their own language; staff who sign in from a Finnish page get their Swedish screens.
// Screenshots: test-output/login-ar.png, login-ar-200.png.
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DemoServer } from './demo-server.js';
import { horizontalOverflow, newContext, phone, screenshot, seriousViolations, signIn, withDemoServerAndBrowser } from './browser.js';

let server: DemoServer;
let browser: Browser;

withDemoServerAndBrowser((s, b) => {
  [server, browser] = [s, b];
});

const eventually = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000, interval: 100 });
const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const documentLanguage = (page: Page) => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
/** Everything this site keeps in the browser's storage, as "key=value". */
const stored = (page: Page) => page.evaluate(() => Object.keys(localStorage).map((k) => `${k}=${localStorage.getItem(k)}`));
/** The signed-in account's language, as the server has it. */
const accountLocale = (page: Page) => page.evaluate(async () => ((await (await fetch('/api/auth/session')).json()) as { user: { locale: string } }).user.locale);

/** Fill in and send the form by its fields' ids, whatever language the labels are in. */
async function sendForm(page: Page, username: string, password: string): Promise<void> {
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('form.login-form button[type=submit]').click();
}

describe('the sign-in page in the readers\' languages', { timeout: 90_000 }, () => {
  it('opens in Arabic, right to left, after the Arabic client signs out; says a wrong password in Arabic; axe-clean on a phone and at 200 % text', async () => {
    const context = await newContext(browser, phone);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await signIn(page, server.url, 'brukare.ar');
      await eventually(() => heading(page)).toBe('زياراتي');
      await page.getByRole('button', { name: 'تسجيل الخروج' }).click();

      await eventually(() => heading(page)).toBe('تسجيل الدخول');
      expect(await documentLanguage(page)).toEqual(['ar', 'rtl']);
      expect(await page.locator('.login-screen').evaluate((el) => [el.getAttribute('lang'), el.getAttribute('dir'), getComputedStyle(el).direction])).toEqual(['ar', 'rtl', 'rtl']);
      expect(await page.title()).toBe('تسجيل الدخول – Tillit');
      // The shared computer keeps the page's language and nothing of who read in it.
      expect(await stored(page)).toEqual(['tillit.language=ar']);
      expect(await page.locator('#username').inputValue()).toBe('');

      const choice = page.getByRole('group', { name: 'اختر اللغة' });
      expect(await choice.getByRole('button').allTextContents()).toEqual(['Svenska', 'English', 'Suomi', 'العربية', 'Soomaali', 'فارسی']);
      expect(await choice.getByRole('button', { name: 'العربية' }).getAttribute('aria-pressed')).toBe('true');
      expect(await page.getByLabel('اسم المستخدم').isVisible()).toBe(true);
      expect(await page.getByLabel('كلمة المرور').isVisible()).toBe(true);
      expect(await page.locator('.skip-link').textContent()).toBe('انتقل إلى المحتوى');
      // Mirrored: the brand at the right edge, the labels start at the form's right.
      const [brand, form, label] = await Promise.all([page.locator('.login-header .brand').boundingBox(), page.locator('.login-form').boundingBox(), page.locator('label[for=username]').boundingBox()]);
      expect(brand!.x + brand!.width).toBeGreaterThan(phone.width - 60);
      expect(form!.x + form!.width - (label!.x + label!.width)).toBeLessThan(40);

      await page.locator('form.login-form button[type=submit]').click();
      await eventually(() => page.getByRole('alert').textContent()).toBe('اكتب اسم المستخدم وكلمة المرور كليهما.');
      await sendForm(page, 'brukare.ar', 'fel-lösenord');
      await eventually(() => page.getByRole('alert').textContent()).toBe('اسم المستخدم أو كلمة المرور غير صحيح. تحقّق من الكتابة وحاول مرة أخرى.');
      expect(await page.locator('#password').inputValue(), 'the wrong password is cleared').toBe('');
      expect(await page.getByRole('button', { name: 'تسجيل الدخول' }).isVisible()).toBe(true);
      expect(await seriousViolations(page), 'axe on the Arabic sign-in page at 375 px').toEqual([]);
      expect(await horizontalOverflow(page)).toBe(0);
      await screenshot(page, 'login-ar');

      await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
      expect(await horizontalOverflow(page), 'no sideways scrolling at 200 % text').toBe(0);
      expect(await seriousViolations(page), 'axe on the Arabic sign-in page at 200 % text').toEqual([]);
      await screenshot(page, 'login-ar-200');
      await page.evaluate(() => { document.documentElement.style.fontSize = ''; });

      // The next person on the family computer signs in without touching the language: their
      // account keeps its own (Swedish), and their sign-out leaves the page in Swedish.
      await sendForm(page, 'brukare', 'tillit');
      await eventually(() => heading(page)).toBe('Mina besök');
      expect(await accountLocale(page)).toBe('sv');
      await page.getByRole('button', { name: 'Logga ut' }).click();
      await eventually(() => heading(page)).toBe('Logga in');
      expect(await documentLanguage(page)).toEqual(['sv', 'ltr']);
    } finally {
      await context.close();
    }
  });

  it('staff who sign in from a Finnish sign-in page get the Swedish screens and board', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    try {
      await page.goto(`${server.url}/`);
      await page.getByRole('button', { name: 'Suomi' }).click();
      await eventually(() => heading(page)).toBe('Kirjaudu sisään');
      expect(await documentLanguage(page)).toEqual(['fi', 'ltr']);
      await page.getByLabel('Käyttäjätunnus').fill('samordnare');
      await page.getByLabel('Salasana').fill('tillit');
      await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();

      await eventually(() => heading(page)).toMatch(/^Dagens besök/);
      expect(await documentLanguage(page)).toEqual(['sv', 'ltr']);
      expect(await page.getByRole('banner').innerText()).toContain('Logga ut');
      expect(await page.getByRole('banner').getByRole('button').allTextContents()).toEqual(['Svenska', 'English', 'Logga ut']);
      // The server keeps a staff account in Swedish or English: Finnish was not saved on it.
      expect(await accountLocale(page)).toBe('sv');
      await page.getByRole('link', { name: 'Öppna morgontavlan – planera dagen' }).click();
      await eventually(() => heading(page)).toMatch(/^Morgontavla – /);
      await page.locator('.lane').first().waitFor();
      expect(await documentLanguage(page)).toEqual(['sv', 'ltr']);
    } finally {
      await context.close();
    }
  });
});
