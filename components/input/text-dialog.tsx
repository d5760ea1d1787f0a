'use client';
// A small modal dialog that asks for one line of text (a title), typed with the input engine.
// The native <dialog> element: focus is trapped, Esc cancels, the page behind is inert.
import { useEffect, useRef, useState } from 'react';
import { usePreferences } from '@/components/preferences';
import { NepaliInput } from '@/components/input/nepali-text-field';

export interface TextDialogProps {
  open: boolean;
  title: string;
  initialValue: string;
  maxLength?: number;
  onSubmit: (value: string) => void;
  onCancel: () => void;
  testId?: string;
}

export function TextDialog({ open, title, initialValue, maxLength, onSubmit, onCancel, testId }: TextDialogProps) {
  const { t } = usePreferences();
  const dialog = useRef<HTMLDialogElement | null>(null);
  const input = useRef<HTMLInputElement | null>(null);
  const [value, setValue] = useState(initialValue);

  useEffect(() => {
    const node = dialog.current;
    if (!node) return;
    if (open && !node.open) {
      setValue(initialValue);
      node.showModal();
      input.current?.select();
    } else if (!open && node.open) node.close();
  }, [open, initialValue]);

  return (
    <dialog
      ref={dialog}
      className="text-dialog"
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          // The field, not the state: a word committed by Enter is in the field already.
          onSubmit(input.current?.value ?? value);
        }}
      >
        <label>
          {title}
          <NepaliInput
            ref={input}
            value={value}
            maxLength={maxLength}
            onChange={(e) => setValue(e.target.value)}
            data-testid={testId && `${testId}-input`}
          />
        </label>
        <div className="text-dialog-actions">
          <button type="button" className="button" onClick={onCancel} data-testid={testId && `${testId}-cancel`}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="button button-primary" data-testid={testId && `${testId}-save`}>
            {t('dialog.save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
