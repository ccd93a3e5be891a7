// Each client's care plan (genomförandeplan) in their own words, with recurring visits, and the
// decision (biståndsbeslut) it carries out: granted hours per service roughly matching the plan.
import type { CarePlan, CarePlanVisit, Decision, ErrandKind, GrantedService, ServiceType, Skill } from '@tillit/domain';
import { addDays, fromMinutes, toMinutes } from '@tillit/domain';
import type { ClientProfile } from './clients.js';
import type { Rng } from './prng.js';

const DAILY = [1, 2, 3, 4, 5, 6, 7];
const WEEKDAYS = [1, 2, 3, 4, 5];

interface VisitSpec {
  title: string;
  serviceType: ServiceType;
  weekdays: number[];
  /** Window start and length in minutes. */
  start: string;
  windowMin: number;
  durationMin: number;
  tasks: string[];
  skills: Skill[];
  staffCount?: 1 | 2;
  videoAllowed?: boolean;
  /** Shopping and pharmacy errands can share a car trip (domain errands.ts). */
  errand?: ErrandKind;
  /** Every other week (cleaning, laundry); absent: every week. */
  intervalWeeks?: 2;
}

function shifted(start: string, minutes: number): string {
  return fromMinutes(toMinutes(start) + minutes);
}

function oneWeekday(rng: Rng): number[] {
  return [rng.int(1, 5)];
}

/** Two weekdays with a day or two between, each weekday equally often. */
function twoWeekdays(rng: Rng): number[] {
  return [...rng.pick([[1, 4], [2, 5], [1, 3], [2, 4], [3, 5]])];
}

/** The recurring visits of one client, by how much help they need. */
function visitSpecs(rng: Rng, c: ClientProfile): { specs: VisitSpec[]; words: string[] } {
  const specs: VisitSpec[] = [];
  const words: string[] = ['Jag vill bo kvar hemma så länge det går och klara det jag kan själv.'];
  const med = c.medication;
  const hoist = c.need === 'hoist';
  // Both staff of a double-staffed visit must hold every listed skill (planning-format.md), so a
  // hoist visit asks for care and double only; one of the two gives the medication.
  const pair = (skills: Skill[]): Pick<VisitSpec, 'skills' | 'staffCount'> =>
    hoist ? { skills: ['care', 'double'], staffCount: 2 } : { skills };
  const care: Skill[] = ['care'];
  const careMed: Skill[] = med ? ['care', 'medication'] : ['care'];

  if (c.need === 'light') {
    if (rng.chance(0.5)) {
      specs.push({ title: 'Läkemedelspåminnelse', serviceType: 'medication', weekdays: DAILY, start: '08:00', windowMin: 60, durationMin: 10,
        tasks: ['Påminn om morgonens tabletter i dosetten'], skills: ['care'], videoAllowed: true });
      words.push('Jag glömmer lätt mina tabletter, så påminn mig på morgonen. Det går bra på surfplattan.');
    }
    if (rng.chance(0.3)) {
      specs.push({ title: 'Trygghetssamtal', serviceType: 'safety_check', weekdays: rng.chance(0.5) ? DAILY : WEEKDAYS,
        start: rng.pick(['09:00', '10:00', '13:30']), windowMin: 60, durationMin: rng.pick([10, 15]),
        tasks: ['Prata en stund och fråga hur det står till'], skills: care, videoAllowed: true });
      words.push('Det känns tryggt att någon hör av sig, gärna vid samma tid varje dag.');
    }
    if (rng.chance(0.25) || specs.length === 0) {
      specs.push({ title: 'Kvällstillsyn', serviceType: 'safety_check', weekdays: DAILY, start: rng.pick(['19:00', '19:30']), windowMin: 90,
        durationMin: 10, tasks: ['Se att allt är lugnt inför natten', 'Kontrollera att ytterdörren är låst'], skills: care, videoAllowed: true });
      words.push('På kvällen vill jag att någon tittar till mig innan natten.');
    }
  } else {
    const heavy = c.need !== 'medium';
    specs.push({ title: 'Morgonhjälp', serviceType: 'personal_care', weekdays: DAILY,
      start: heavy ? rng.pick(['07:00', '07:30', '08:00', '08:30']) : rng.pick(['07:30', '08:00', '08:30', '09:00', '09:30', '10:00']),
      windowMin: heavy ? 90 : 120, durationMin: heavy ? rng.pick([45, 50, 60]) : rng.pick([25, 30, 35, 40]),
      tasks: ['Hjälp med morgontoalett och påklädning', 'Frukost', ...(med ? ['Ge morgonens läkemedel enligt signeringslistan'] : []),
        ...(hoist ? ['Förflyttning säng–rullstol med taklyft'] : []), 'Bädda sängen'],
      ...pair(careMed) });
    words.push(hoist
      ? 'På morgonen behöver jag hjälp med allt från sängen till frukosten. Jag flyttas med taklyft, och då behövs två av er.'
      : 'På morgonen behöver jag hjälp att tvätta mig och klä på mig, i lugn takt.');
    if (med) words.push('Mina mediciner vill jag få av er, så att det blir rätt.');
    if (heavy || rng.chance(0.5)) {
      specs.push({ title: 'Lunch', serviceType: 'meals', weekdays: DAILY, start: rng.pick(['11:00', '11:30', '12:00']), windowMin: 90,
        durationMin: heavy ? 30 : rng.pick([20, 25]), tasks: ['Värm maten och duka fram', 'Se att maten blir uppäten'], skills: heavy ? careMed : care });
      words.push('Till lunch vill jag ha hjälp att värma maten och gärna sällskap en stund.');
    }
    if (heavy) {
      specs.push({ title: 'Middag', serviceType: 'meals', weekdays: DAILY, start: rng.pick(['15:45', '16:00', '16:30']), windowMin: 90, durationMin: 30,
        tasks: ['Värm middagen', 'Toalettbesök'], skills: care });
      if (rng.chance(0.4)) {
        specs.push({ title: 'Tillsyn', serviceType: 'safety_check', weekdays: WEEKDAYS, start: '14:00', windowMin: 60, durationMin: 15,
          tasks: ['Titta till och erbjud något att dricka'], skills: care, videoAllowed: rng.chance(0.5) });
      }
    }
    if (heavy || rng.chance(0.3)) {
      specs.push({ title: 'Kvällshjälp', serviceType: 'personal_care', weekdays: DAILY,
        start: heavy ? rng.pick(['18:00', '18:30', '19:00', '19:30', '20:00']) : rng.pick(['17:30', '18:00', '18:30', '19:00', '19:30']), windowMin: heavy ? 90 : 120,
        durationMin: heavy ? rng.pick([30, 40, 45]) : rng.pick([20, 25, 30]),
        tasks: ['Kvällstoalett och hjälp i säng', ...(med ? ['Ge kvällens läkemedel'] : []), ...(hoist ? ['Förflyttning rullstol–säng med taklyft'] : [])],
        ...pair(careMed) });
      words.push('På kvällen behöver jag hjälp att göra i ordning mig för natten.');
    }
    if (!heavy && rng.chance(0.25)) {
      specs.push({ title: 'Promenad och samtal', serviceType: 'social', weekdays: twoWeekdays(rng), start: rng.pick(['13:00', '13:30', '14:00']),
        windowMin: 90, durationMin: rng.pick([30, 45]), tasks: ['Promenad eller en stund på balkongen', 'Samtal över en kopp kaffe'], skills: care });
      words.push('Två eftermiddagar i veckan vill jag komma ut en sväng och prata en stund.');
    }
    specs.push({ title: 'Dusch', serviceType: 'personal_care', weekdays: heavy ? twoWeekdays(rng) : oneWeekday(rng),
      start: rng.pick(['09:30', '10:00', '13:00', '13:30', '14:00']), windowMin: 90, durationMin: heavy ? rng.pick([45, 60]) : rng.pick([40, 45]),
      tasks: ['Dusch och hårtvätt', 'Smörj fötterna', 'Byt sänglinne'], ...pair(care) });
    words.push(heavy ? 'Jag duschar två gånger i veckan, helst på förmiddagen.' : 'Jag duschar en gång i veckan, helst på förmiddagen.');
  }

  if (rng.chance(0.75)) {
    specs.push({ title: 'Inköp', serviceType: 'service', weekdays: oneWeekday(rng), start: rng.pick(['10:00', '13:00']), windowMin: 120,
      durationMin: rng.pick([40, 45, 60]), tasks: ['Handla efter inköpslistan', 'Packa upp varorna'], skills: ['service'], errand: 'shopping' });
    words.push('Jag skriver inköpslistan själv, och servicegruppen handlar en gång i veckan.');
  }
  if (rng.chance(0.75)) {
    specs.push({ title: 'Städning', serviceType: 'service', weekdays: oneWeekday(rng), start: rng.pick(['09:00', '13:00']), windowMin: 120,
      durationMin: rng.pick([45, 60]), tasks: ['Dammsug och våttorka golven', 'Rengör badrum och kök'], skills: ['service'], intervalWeeks: 2 });
    words.push('Städningen gör servicegruppen varannan vecka; jag vill att badrummet blir ordentligt gjort.');
  }
  if (rng.chance(0.2)) {
    specs.push({ title: 'Tvätt', serviceType: 'service', weekdays: oneWeekday(rng), start: '09:00', windowMin: 120, durationMin: 45,
      tasks: ['Tvätta i tvättstugan', 'Vik och lägg in tvätten'], skills: ['service'], intervalWeeks: 2 });
  }
  if (rng.chance(0.15)) {
    specs.push({ title: 'Apoteksärende', serviceType: 'service', weekdays: oneWeekday(rng), start: '13:00', windowMin: 120, durationMin: 30,
      tasks: ['Hämta ut läkemedel på apoteket'], skills: ['service'], errand: 'pharmacy' });
  }
  return { specs, words };
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export interface ClientPlan {
  carePlan: CarePlan;
  /** Oldest first; the last is the current one. */
  decisions: Decision[];
}

/** Granted hours per month for what the plan does, plus some room for the client's own choices. */
function grantedServices(rng: Rng, visits: CarePlanVisit[], factor: number): GrantedService[] {
  const minutesPerWeek = new Map<ServiceType, number>();
  for (const v of visits) minutesPerWeek.set(v.serviceType, (minutesPerWeek.get(v.serviceType) ?? 0) + (v.durationMin * v.weekdays.length) / (v.intervalWeeks ?? 1));
  return [...minutesPerWeek].map(([serviceType, min]) => ({
    serviceType,
    // 52 weeks / 12 months; rounded to half hours as decisions are written.
    hoursPerMonth: Math.max(0.5, Math.round(((min * 52) / 12 / 60) * factor * rng.around(1.1, 0.1) * 2) / 2),
  }));
}

/**
 * @param rng - the random source
 * @param c - the client
 * @param today - the demo's today
 * @param replaced - the client's first decision expired and a newer one replaced it
 * @param slot - the client's place among all clients (spreads the service group's visits over the week)
 */
export function buildClientPlan(rng: Rng, c: ClientProfile, today: string, replaced: boolean, slot: number): ClientPlan {
  const { specs, words } = visitSpecs(rng, c);
  // The service group's weekly visits are spread evenly over the weekdays by the client's place in the list.
  let k = 0;
  for (const s of specs) if (s.serviceType === 'service') s.weekdays = [1 + ((slot + 2 * k++) % 5)];
  const visits: CarePlanVisit[] = specs.map((s) => {
    const offset = rng.pick([0, 0, 15, -15]);
    const start = toMinutes(s.start) + offset >= 360 ? shifted(s.start, offset) : s.start;
    return {
      id: rng.uuid(),
      title: s.title,
      serviceType: s.serviceType,
      weekdays: s.weekdays,
      windowStart: start,
      windowEnd: shifted(start, s.windowMin),
      durationMin: s.durationMin,
      tasks: s.tasks,
      skills: s.skills,
      staffCount: s.staffCount ?? 1,
      videoAllowed: s.videoAllowed ?? false,
      // Set from the spec, not drawn: the demo's random sequence, and so every figure, stays as it was.
      errand: s.errand ?? null,
      // Also not drawn: half the clients have it in today's week and half in the next, by their place in the list.
      ...(s.intervalWeeks ? { intervalWeeks: s.intervalWeeks, weekAnchor: addDays(today, 7 * (slot % 2)) } : {}),
    };
  });
  const decisions: Decision[] = [];
  const currentFrom = replaced ? addDays(today, -rng.int(25, 60)) : addDays(today, -rng.int(30, 700));
  if (replaced) {
    const oldFrom = addDays(currentFrom, -rng.int(300, 500));
    decisions.push({
      id: rng.uuid(), clientId: c.client.id, decidedAt: addDays(oldFrom, -rng.int(2, 10)), validFrom: oldFrom,
      validTo: addDays(currentFrom, -1), services: grantedServices(rng, visits, 0.75),
    });
  }
  decisions.push({
    id: rng.uuid(), clientId: c.client.id, decidedAt: addDays(currentFrom, -rng.int(2, 10)), validFrom: currentFrom,
    validTo: rng.chance(0.5) ? null : addDays(today, rng.int(30, 365)), services: grantedServices(rng, visits, 1),
  });
  const current = decisions[decisions.length - 1] as Decision;
  const carePlan: CarePlan = {
    id: rng.uuid(),
    clientId: c.client.id,
    decisionId: current.id,
    summary: words.join(' '),
    updatedAt: `${minDate(addDays(current.validFrom, rng.int(3, 20)), today)}T${String(rng.int(7, 14)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:00.000Z`,
    visits,
  };
  return { carePlan, decisions };
}
