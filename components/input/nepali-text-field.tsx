'use client';
// Text fields that type Nepali with the same input engine as the code editor (phonetic, or a
// fixed layout), so nobody needs an operating-system Nepali keyboard: stdin, titles, names.
// Text fields hold prose, so the engine works as inside a text literal of a program: the rule
// spelling first, the layouts' published characters, Alt+L for English letters.
import {
  forwardRef,
  useCallback,
  useRef,
  useState,
  type InputHTMLAttributes,
  type KeyboardEvent,
  type TextareaHTMLAttributes,
} from 'react';
import { mapLayoutKey, PhoneticComposer, toKeyInput, type Composition } from '@/lib/keyboard';
import { usePreferences } from '@/components/preferences';
import { useKeyboardLayout } from '@/components/input/use-keyboard-layout';
import type { LayoutChoice } from '@/components/ide/layout-choice';

type Field = HTMLInputElement | HTMLTextAreaElement;

/** Inserts text at the field's caret as typing would (undo history, React's input event). */
function insertIntoField(field: Field, text: string) {
  if (!text) return;
  if (document.activeElement === field && document.execCommand?.('insertText', false, text)) return;
  field.setRangeText(text, field.selectionStart ?? field.value.length, field.selectionEnd ?? field.value.length, 'end');
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

export interface NepaliInputOptions {
  /** The layout to type with; the remembered choice when not given. */
  layout?: LayoutChoice;
  latinDigits?: boolean;
}

/** The key handling and the candidate popup for one text field. */
export function useNepaliInput(options: NepaliInputOptions) {
  const remembered = useKeyboardLayout();
  const layout = options.layout ?? remembered;
  const latest = useRef({ latinDigits: options.latinDigits ?? false });
  latest.current.latinDigits = options.latinDigits ?? false;
  const composer = useRef<PhoneticComposer | null>(null);
  composer.current ??= new PhoneticComposer({ latinDigits: () => latest.current.latinDigits });
  const [composition, setComposition] = useState<Composition | null>(null);
  const field = useRef<Field | null>(null);

  const onKeyDown = useCallback(
    (e: KeyboardEvent<Field>) => {
      const target = e.currentTarget;
      field.current = target;
      if (layout === 'phonetic') {
        const result = composer.current!.key(e.nativeEvent, 'string');
        insertIntoField(target, result.insert);
        if (result.handled) e.preventDefault();
        setComposition(result.composition);
        return;
      }
      if (layout === 'off') return;
      const text = mapLayoutKey(toKeyInput(e.nativeEvent), layout, 'string', {
        latinDigits: latest.current.latinDigits,
      });
      if (!text) return;
      e.preventDefault();
      insertIntoField(target, text);
    },
    [layout],
  );

  const onBlur = useCallback(() => {
    if (field.current && composer.current!.composition) insertIntoField(field.current, composer.current!.commit());
    setComposition(null);
  }, []);

  const choose = useCallback((index: number) => {
    if (field.current) insertIntoField(field.current, composer.current!.choose(index));
    setComposition(composer.current!.composition);
  }, []);

  return { layout, composition, onKeyDown, onBlur, choose };
}

/** The Latin being typed and the numbered candidates, under the field. */
export function CompositionPopup({
  composition,
  onChoose,
}: {
  composition: Composition | null;
  onChoose: (index: number) => void;
}) {
  const { t } = usePreferences();
  if (!composition) return null;
  return (
    <div className="composition composition-field" data-testid="composition" onMouseDown={(e) => e.preventDefault()}>
      <div className="composition-latin" data-testid="composition-latin">
        {composition.latin}
      </div>
      <ol className="composition-candidates" role="listbox" aria-label={t('keyboard.candidates')}>
        {composition.candidates.map((c, i) => (
          <li
            key={i}
            role="option"
            aria-selected={i === composition.selected}
            data-source={c.source}
            onMouseDown={() => onChoose(i)}
          >
            <span className="composition-number">{i + 1}</span>
            <span className="composition-text">{c.text}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function useMergedHandlers<E extends Field>(
  props: { onKeyDown?: (e: KeyboardEvent<E>) => void; onBlur?: (e: React.FocusEvent<E>) => void },
  input: ReturnType<typeof useNepaliInput>,
) {
  return {
    onKeyDown: (e: KeyboardEvent<E>) => {
      props.onKeyDown?.(e);
      if (!e.defaultPrevented) input.onKeyDown(e);
    },
    onBlur: (e: React.FocusEvent<E>) => {
      input.onBlur();
      props.onBlur?.(e);
    },
  };
}

export const NepaliInput = forwardRef<HTMLInputElement, InputHTMLAttributes<HTMLInputElement> & NepaliInputOptions>(
  function NepaliInput({ layout, latinDigits, ...props }, ref) {
    const input = useNepaliInput({ layout, latinDigits });
    return (
      <span className="nepali-field" data-layout={input.layout}>
        <input {...props} ref={ref} {...useMergedHandlers(props, input)} />
        <CompositionPopup composition={input.composition} onChoose={input.choose} />
      </span>
    );
  },
);

export const NepaliTextArea = forwardRef<
  HTMLTextAreaElement,
  TextareaHTMLAttributes<HTMLTextAreaElement> & NepaliInputOptions
>(function NepaliTextArea({ layout, latinDigits, ...props }, ref) {
  const input = useNepaliInput({ layout, latinDigits });
  return (
    <span className="nepali-field" data-layout={input.layout}>
      <textarea {...props} ref={ref} {...useMergedHandlers(props, input)} />
      <CompositionPopup composition={input.composition} onChoose={input.choose} />
    </span>
  );
});
