// Name pools for staff, clients and relatives, by the language a person grew up with. Invented
// combinations of common names; any likeness to a real person is chance.
import type { Rng } from './prng.js';

export const origins = ['sv', 'fi', 'ar', 'so', 'fa'] as const;
export type Origin = (typeof origins)[number];

interface Pool {
  women: readonly string[];
  men: readonly string[];
  last: readonly string[];
}

/** Older people's first names differ from working-age ones, so clients get their own Swedish pool. */
const POOLS: Record<Origin | 'svOld', Pool> = {
  sv: {
    women: ['Anna', 'Maria', 'Sara', 'Emma', 'Lena', 'Karin', 'Johanna', 'Linda', 'Malin', 'Elin', 'Ida', 'Sofia', 'Hanna', 'Jenny', 'Therese', 'Frida', 'Camilla', 'Madelene'],
    men: ['Johan', 'Erik', 'Anders', 'Mikael', 'Jonas', 'Daniel', 'Fredrik', 'Marcus', 'Niklas', 'Oskar', 'Viktor', 'Patrik'],
    last: ['Lundberg', 'Nilsson', 'Johansson', 'Lindqvist', 'Öhman', 'Sundström', 'Berglund', 'Lindström', 'Nordström', 'Holmgren', 'Persson', 'Karlsson', 'Engström', 'Granström', 'Marklund', 'Nyström', 'Lundgren', 'Wikström', 'Stenman', 'Forsberg', 'Björk', 'Sandberg'],
  },
  svOld: {
    women: ['Margit', 'Karin', 'Elsa', 'Ingrid', 'Gunnel', 'Sonja', 'Britt', 'Maj', 'Gun', 'Inga', 'Astrid', 'Birgit', 'Signe', 'Ulla', 'Barbro', 'Dagny', 'Elvy', 'Alice'],
    men: ['Gunnar', 'Rune', 'Sture', 'Bengt', 'Tage', 'Erik', 'Olle', 'Arne', 'Lennart', 'Helge', 'Sven', 'Nils', 'Ragnar', 'Holger', 'Evert', 'Einar'],
    last: ['Lundberg', 'Nilsson', 'Johansson', 'Lindqvist', 'Öhman', 'Sundström', 'Berglund', 'Lindström', 'Nordström', 'Holmgren', 'Persson', 'Karlsson', 'Engström', 'Granström', 'Marklund', 'Nyström', 'Lundgren', 'Wikström', 'Stenman', 'Forsberg', 'Björk', 'Sandberg', 'Rova', 'Niemi'],
  },
  fi: {
    women: ['Aino', 'Helmi', 'Marjatta', 'Riitta', 'Tuula', 'Sirkka', 'Anneli', 'Pirjo', 'Sanna', 'Katja', 'Tiina'],
    men: ['Pekka', 'Matti', 'Juhani', 'Kalevi', 'Veikko', 'Jari', 'Timo', 'Antti', 'Mikko'],
    last: ['Niemi', 'Korhonen', 'Virtanen', 'Mäkinen', 'Heikkinen', 'Lehtonen', 'Koskela', 'Rantala', 'Keskitalo', 'Kangas', 'Alatalo', 'Hietala'],
  },
  ar: {
    women: ['Fatima', 'Amira', 'Layla', 'Nour', 'Rania', 'Samira', 'Huda', 'Maryam'],
    men: ['Ahmad', 'Omar', 'Yousef', 'Khaled', 'Hassan', 'Karim', 'Mahmoud', 'Ali'],
    last: ['Haddad', 'Khalil', 'Nasser', 'Saleh', 'Hamdan', 'Mansour', 'Aziz', 'Ibrahim'],
  },
  so: {
    women: ['Hodan', 'Fadumo', 'Amina', 'Sahra', 'Hawa', 'Ifrah'],
    men: ['Abdi', 'Mohamed', 'Abdullahi', 'Hassan', 'Yusuf', 'Farah'],
    last: ['Warsame', 'Jama', 'Hirsi', 'Osman', 'Farah', 'Abdi', 'Ismail'],
  },
  fa: {
    women: ['Shirin', 'Parisa', 'Maryam', 'Leila', 'Nasrin', 'Zahra'],
    men: ['Reza', 'Hamid', 'Dariush', 'Behzad', 'Kamran', 'Mehdi'],
    last: ['Ahmadi', 'Rahimi', 'Karimi', 'Hosseini', 'Moradi', 'Jafari', 'Sadeghi'],
  },
};

export interface PersonName {
  firstName: string;
  lastName: string;
  woman: boolean;
}

/**
 * @param rng - the random source
 * @param origin - the language the person grew up with
 * @param old - a client born in the 1930s–1950s (Swedish names of that generation)
 * @param womanShare - share of women (home care staff and clients are mostly women)
 */
export function personName(rng: Rng, origin: Origin, old: boolean, womanShare: number): PersonName {
  const pool = origin === 'sv' && old ? POOLS.svOld : POOLS[origin];
  const woman = rng.chance(womanShare);
  return { firstName: rng.pick(woman ? pool.women : pool.men), lastName: rng.pick(pool.last), woman };
}

/** @returns a Swedish mobile number in the 070/072/073 series, as written in Sweden. */
export function mobilePhone(rng: Rng): string {
  return `${rng.pick(['070', '072', '073', '076'])}-${rng.int(100, 999)} ${rng.int(10, 99)} ${rng.int(10, 99)}`;
}

/** @returns a Kalix landline (area code 0923). */
export function kalixPhone(rng: Rng): string {
  return `0923-${rng.int(10, 99)} ${rng.int(100, 999)}`;
}

/** @returns a lower-case ASCII e-mail local part from a name (å, ä, ö folded). */
export function emailLocal(first: string, last: string): string {
  const fold = (s: string) => s.toLowerCase().replace(/[åä]/g, 'a').replace(/ö/g, 'o').replace(/[^a-z]/g, '');
  return `${fold(first)}.${fold(last)}`;
}
