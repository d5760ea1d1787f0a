// What a person sees while a word is typed phonetically: the Latin letters so far and the
// numbered candidates, the selected one marked. Plain DOM (no React render per key press):
// the code editor puts it in a Monaco content widget under the word, text fields under the
// field. Clicking a candidate picks it (mousedown is kept from taking the focus).
import type { Composition } from '@/lib/keyboard';

export interface CompositionView {
  readonly element: HTMLElement;
  update(composition: Composition | null): void;
}

export function createCompositionView(onChoose: (index: number) => void, label: string): CompositionView {
  const element = document.createElement('div');
  element.className = 'composition';
  element.dataset.testid = 'composition';
  element.hidden = true;
  const latin = document.createElement('div');
  latin.className = 'composition-latin';
  latin.dataset.testid = 'composition-latin';
  const list = document.createElement('ol');
  list.className = 'composition-candidates';
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', label);
  element.append(latin, list);
  element.addEventListener('mousedown', (e) => {
    e.preventDefault();
    const item = (e.target as HTMLElement).closest('li');
    if (item?.dataset.index) onChoose(Number(item.dataset.index));
  });

  let shown: Composition | null = null;
  return {
    element,
    update(composition) {
      if (composition === shown) return;
      shown = composition;
      element.hidden = composition === null;
      if (!composition) return;
      latin.textContent = composition.latin;
      const items = composition.candidates.map((candidate, index) => {
        const item = document.createElement('li');
        item.dataset.index = String(index);
        item.dataset.source = candidate.source;
        item.setAttribute('role', 'option');
        item.setAttribute('aria-selected', String(index === composition.selected));
        const number = document.createElement('span');
        number.className = 'composition-number';
        number.textContent = String(index + 1);
        const text = document.createElement('span');
        text.className = 'composition-text';
        text.textContent = candidate.text;
        item.append(number, text);
        return item;
      });
      list.replaceChildren(...items);
    },
  };
}
