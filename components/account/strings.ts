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
  fork: { ne: 'फोर्क', en: 'Fork' },
  forkHint: { ne: 'आफ्नै प्रति बनाउनुहोस्', en: 'Make your own copy' },
  save: { ne: 'सेभ', en: 'Save' },
  saving: { ne: 'सेभ हुँदै…', en: 'Saving…' },
  saved: { ne: 'सेभ भयो', en: 'Saved' },
  stale: { ne: 'यो प्रोग्राम अर्कै ठाउँमा बदलिएको छ। तपाईँको परिवर्तन यहीँ सुरक्षित छ; पृष्ठ नयाँ खोलेर मिलाउनुहोस्।', en: 'This program was changed elsewhere. Your edits are kept here; reload to merge them.' },
  by: { ne: 'लेखक', en: 'by' },
  anonymous: { ne: 'बेनामी', en: 'anonymous' },
  forkedFrom: { ne: 'यसबाट फोर्क:', en: 'forked from' },
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
  ...SAVE_MODEL_STRINGS(),
} as const;

// ---- The save model (save, save as new, share snapshots, fork with edits, /me actions) ----
function SAVE_MODEL_STRINGS() {
  return {
    saveAsNew: { ne: 'नयाँ प्रतिको रूपमा सेभ', en: 'Save as new' },
    saveHint: { ne: 'सेभ (Ctrl+S)', en: 'Save (Ctrl+S)' },
    signInToSave: { ne: 'सेभ गर्न साइन इन गर्नुहोस्; तपाईँको मस्यौदा यही ब्राउजरमा सुरक्षित छ।', en: 'Sign in to save; your draft is kept in this browser.' },
    titleLabel: { ne: 'प्रोग्रामको शीर्षक', en: 'Program title' },
    unsavedChanges: { ne: 'सेभ नगरिएका परिवर्तन छन्', en: 'Unsaved changes' },
    differsFromShared: { ne: 'यहाँको कोड साझा गरिएको संस्करणभन्दा फरक छ (तपाईँको मस्यौदा)।', en: 'The code here differs from the shared version (your draft).' },
    differsFromSaved: { ne: 'यहाँको कोड सेभ गरिएको संस्करणभन्दा फरक छ।', en: 'The code here differs from the saved version.' },
    resetToShared: { ne: 'साझा गरिएको संस्करणमा फर्काउनुहोस्', en: 'Reset to the shared version' },
    resetToSaved: { ne: 'सेभ गरिएको संस्करणमा फर्काउनुहोस्', en: 'Reset to the saved version' },
    conflictTitle: { ne: 'यो प्रोग्राम अर्कै ठाउँमा बदलिएको छ। कुन राख्ने?', en: 'This program was changed elsewhere. Which one to keep?' },
    conflictTheirs: { ne: 'सेभ भएको संस्करण', en: 'The saved version' },
    conflictMine: { ne: 'तपाईँको संस्करण (यो सम्पादक)', en: 'Your version (this editor)' },
    keepMine: { ne: 'मेरो राख्नुहोस् (त्यसमाथि सेभ)', en: 'Keep mine (save over it)' },
    takeTheirs: { ne: 'सेभ भएको खोल्नुहोस्', en: 'Open the saved one' },
    mineAsNew: { ne: 'मेरोलाई नयाँ प्रति बनाउनुहोस्', en: 'Save mine as a new program' },
    cancel: { ne: 'रद्द', en: 'Cancel' },
    takeTheirsNote: { ne: 'तपाईँको संस्करण “मेरोलाई नयाँ प्रति” बाट राख्न सकिन्छ; खोलेपछि यो सम्पादकको परिवर्तन हट्छ।', en: 'To keep your version too, save it as a new program first; opening the saved one replaces this editor.' },
    draftOffer: { ne: 'यहाँ सेभ नगरिएको मस्यौदा छ। मेरा प्रोग्राममा सेभ गर्ने?', en: 'There is an unsaved draft here. Save it to my programs?' },
    dismiss: { ne: 'पछि', en: 'Not now' },
    shareChanged: { ne: 'कोड बदलियो: नयाँ लिङ्कका लागि फेरि साझा गर्नुहोस्।', en: 'The code changed: share again for a new link.' },
    shareSnapshotNote: { ne: 'लिङ्कले अहिलेको कोड देखाउँछ; पछिका परिवर्तन यसमा जाँदैनन्।', en: 'The link shows the code as it is now; later edits do not change it.' },
    open: { ne: 'खोल्नुहोस्', en: 'Open' },
    duplicate: { ne: 'प्रति बनाउनुहोस्', en: 'Duplicate' },
    copySuffix: { ne: '(प्रति)', en: '(copy)' },
    deleted: { ne: 'मेटाइयो:', en: 'Deleted:' },
    undo: { ne: 'फिर्ता ल्याउनुहोस्', en: 'Undo' },
    preview: { ne: 'झलक', en: 'Preview' },
  } as const;
}

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
