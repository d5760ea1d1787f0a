'use client';
// The keyboard layout the visitor chose in the IDE (remembered in localStorage), for text
// fields outside the IDE: the sign-up name, the rename dialog.
import { useEffect, useState } from 'react';
import { DEFAULT_LAYOUT, LAYOUT_STORAGE_KEY, isLayoutChoice, type LayoutChoice } from '@/components/ide/layout-choice';

export function useKeyboardLayout(): LayoutChoice {
  const [layout, setLayout] = useState<LayoutChoice>(DEFAULT_LAYOUT);
  useEffect(() => {
    try {
      const stored = window.localStorage.getItem(LAYOUT_STORAGE_KEY);
      if (isLayoutChoice(stored)) setLayout(stored);
    } catch {
      /* not remembered */
    }
  }, []);
  return layout;
}
