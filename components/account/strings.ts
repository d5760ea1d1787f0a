// The accounts and sharing parts' interface text, in Nepali and English.
import { usePreferences } from '@/components/preferences';

const STRINGS = {
  signIn: { ne: 'साइन इन', en: 'Sign in' },
  signUp: { ne: 'खाता खोल्नुहोस्', en: 'Sign up' },
  signOut: { ne: 'साइन आउट', en: 'Sign out' },
  myPrograms: { ne: 'मेरा प्रोग्रामहरू', en: 'My programs' },
  email: { ne: 'इमेल', en: 'Email' },
  password: { ne: 'पासवर्ड', en: 'Password' },
  passwordHint: { ne: 'कम्तीमा ८ अक्षर, सजिलै अनुमान गर्न नसकिने', en: 'at least 8 characters, hard to guess' },
  name: { ne: 'नाम (ऐच्छिक)', en: 'Name (optional)' },
  orWith: { ne: 'वा यसबाट:', en: 'or with:' },
  noAccount: { ne: 'खाता छैन?', en: 'No account yet?' },
  haveAccount: { ne: 'खाता छ?', en: 'Already have an account?' },
  wrongCredentials: { ne: 'इमेल वा पासवर्ड मिलेन।', en: 'Wrong email or password.' },
  tooMany: { ne: 'धेरै प्रयास भए। केही बेरपछि फेरि प्रयास गर्नुहोस्।', en: 'Too many attempts. Try again later.' },
  emailTaken: { ne: 'यो इमेलको खाता पहिले नै छ।', en: 'An account with this email already exists.' },
  invalid: { ne: 'विवरण मिलेन: ', en: 'Please check: ' },
  failed: { ne: 'केही गडबड भयो। फेरि प्रयास गर्नुहोस्।', en: 'Something went wrong. Please try again.' },
  oauthNotLinked: { ne: 'यो इमेलको खाता पहिले नै छ; पासवर्डले साइन इन गर्नुहोस्।', en: 'This email already has an account; sign in with its password.' },
  share: { ne: 'साझा गर्नुहोस्', en: 'Share' },
  sharing: { ne: 'साझा हुँदै…', en: 'Sharing…' },
  shareLink: { ne: 'लिङ्क', en: 'Link' },
  copy: { ne: 'कपी', en: 'Copy' },
  copied: { ne: 'कपी भयो', en: 'Copied' },
  shareAnonNote: { ne: 'साइन इन नगरी साझा गरेको प्रोग्राम पछि बदल्न मिल्दैन।', en: 'A program shared while signed out can never be changed.' },
  fork: { ne: 'नक्कल बनाउनुहोस्', en: 'Make a copy' },
  forkHint: { ne: 'यो प्रोग्रामको आफ्नै प्रति बनाउनुहोस्, जसलाई तपाईं बदल्न र सेभ गर्न सक्नुहुन्छ', en: 'Make your own copy of this program, which you can change and save' },
  save: { ne: 'सेभ', en: 'Save' },
  saving: { ne: 'सेभ हुँदै…', en: 'Saving…' },
  saved: { ne: 'सेभ भयो', en: 'Saved' },
  stale: { ne: 'यो प्रोग्राम अर्कै ठाउँमा बदलिएको छ। तपाईँको परिवर्तन यहीँ सुरक्षित छ; पृष्ठ नयाँ खोलेर मिलाउनुहोस्।', en: 'This program was changed elsewhere. Your edits are kept here; reload to merge them.' },
  by: { ne: 'लेखक', en: 'by' },
  anonymous: { ne: 'बेनामी', en: 'anonymous' },
  forkedFrom: { ne: 'यसको नक्कल:', en: 'copied from' },
  untitled: { ne: 'शीर्षकविहीन', en: 'Untitled' },
  title: { ne: 'शीर्षक', en: 'Title' },
  updated: { ne: 'बदलिएको', en: 'Updated' },
  size: { ne: 'आकार', en: 'Size' },
  rename: { ne: 'नाम बदल्नुहोस्', en: 'Rename' },
  delete: { ne: 'मेटाउनुहोस्', en: 'Delete' },
  confirmDelete: { ne: 'यो प्रोग्राम मेटाउने?', en: 'Delete this program?' },
  newTitle: { ne: 'नयाँ शीर्षक', en: 'New title' },
  empty: { ne: 'अहिलेसम्म कुनै प्रोग्राम छैन। IDE मा लेखेर “साझा गर्नुहोस्” थिच्नुहोस्।', en: 'No programs yet. Write one in the IDE and press “Share”.' },
  bytes: { ne: 'बाइट', en: 'bytes' },
} as const;

export type AccountStringKey = keyof typeof STRINGS;

export function useAccountStrings() {
  const { lang } = usePreferences();
  return (key: AccountStringKey) => STRINGS[key][lang === 'en' ? 'en' : 'ne'];
}

/** A title for a program: the first comment line, else nothing (the server stores ""). */
export function titleFromSource(source: string): string {
  for (const line of source.split('\n')) {
    const t = line.trim();
    if (!t) continue;
    const m = t.match(/^#+\s*(.+)$/);
    return m ? m[1].slice(0, 120) : '';
  }
  return '';
}
