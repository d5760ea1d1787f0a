'use client';
// A date shown in the reader's own time zone and calendar (Bikram Sambat in the Nepali
// interface, Gregorian in the English one). Formatted only after mount: the server does not
// know the reader's zone, so what it rendered would not match (a hydration mismatch).
import { useEffect, useState } from 'react';
import { usePreferences } from '@/components/preferences';
import { formatDate } from '@/lib/i18n/dates';

export function LocalDate({ iso, testId }: { iso: string; testId?: string }) {
  const { lang } = usePreferences();
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    setText(formatDate(new Date(iso), lang === 'en' ? 'en' : 'ne'));
  }, [iso, lang]);
  return (
    <time dateTime={iso} data-testid={testId}>
      {text ?? ''}
    </time>
  );
}
