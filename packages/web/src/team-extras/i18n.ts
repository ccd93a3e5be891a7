// Strings of the team's extra panels (weekly letters, messages to clients, other teams' visits),
// in their own namespace so the shell's language files stay as they are.
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';

const ns = 'team-extras';
const sv = {
  letters: {
    heading: 'Veckobrev', text: 'Brev till brukarna om nästa veckas besök, i varje brukares språk, med stor text. Tillit gör dem varje torsdag kl. 14.', link: 'Skriv ut veckobrev för hela laget (PDF)',
    made: 'Breven för vecka {{week}} gjordes senast {{madeAt}} ({{count}} av {{total}} brukare). Utskriften visar dem så som de gjordes.',
    notMade: 'Breven för vecka {{week}} är inte gjorda ännu. Utskriften visar planen som den ser ut nu.',
    makeAgain: 'Gör om breven efter dagens plan', making: 'Gör breven …', madeNow: '{{made}} brev gjordes nu, {{unchanged}} var redan aktuella.', makeFailed: 'Breven kunde inte göras. Försök igen.',
  },
  messages: { heading: 'Meddelanden till brukare och anhöriga', failed: 'Kunde inte skickas', none: 'Alla meddelanden har gått fram.', pending: '{{count}} väntar på att skickas (inte nattetid).', error: 'Fel: {{error}}', channel_sms: 'SMS', channel_email: 'e-post', to_client: 'till brukaren', to_relative: 'till anhörig' },
  others: { heading: 'Andra lag hos våra brukare i dag', text: 'Servicegruppen och kvällslaget besöker också lagets brukare.', none: 'Inga andra lag har besök hos lagets brukare i dag.' },
};
const en = {
  letters: {
    heading: 'Weekly letters', text: "Letters to the clients about next week's visits, in each client's language, in large print. Tillit makes them every Thursday at 14:00.", link: "Print the team's weekly letters (PDF)",
    made: 'The letters for week {{week}} were last made {{madeAt}} ({{count}} of {{total}} clients). The print shows them as they were made.',
    notMade: 'The letters for week {{week}} have not been made yet. The print shows the plan as it is now.',
    makeAgain: "Make the letters again from today's plan", making: 'Making the letters …', madeNow: '{{made}} letters were made now, {{unchanged}} were already up to date.', makeFailed: 'The letters could not be made. Try again.',
  },
  messages: { heading: 'Messages to clients and relatives', failed: 'Could not be sent', none: 'Every message has gone through.', pending: '{{count}} waiting to be sent (not at night).', error: 'Error: {{error}}', channel_sms: 'SMS', channel_email: 'e-mail', to_client: 'to the client', to_relative: 'to a relative' },
  others: { heading: "Other teams at our clients' today", text: "The service group and the evening team also visit the team's clients.", none: "No other team visits the team's clients today." },
};

let registered = false;
export function useExtrasT() {
  if (!registered && i18next.isInitialized) {
    i18next.addResourceBundle('sv', ns, sv, true, false);
    i18next.addResourceBundle('en', ns, en, true, false);
    registered = true;
  }
  return useTranslation(ns);
}
