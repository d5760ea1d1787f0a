import { describe, expect, it } from 'vitest';
import { BUILTINS } from '@/lib/compiler';
import { parameterOffsets, signatureHelpAt } from '@/lib/editor';

/** Signature help at the `|` in a line. */
function helpAt(text: string, uiLanguage: 'ne' | 'en' = 'ne') {
  const cursor = text.indexOf('|');
  return signatureHelpAt(text.replace('|', ''), cursor + 1, uiLanguage);
}

const parameterText = (help: NonNullable<ReturnType<typeof helpAt>>) =>
  help.parameters.map(([start, end]) => help.label.slice(start, end));

describe('parameter offsets', () => {
  it('cut a signature into its parameters', () => {
    const label = 'टुक्रा(x, सुरु, अन्त)';
    expect(parameterOffsets(label).map(([s, e]) => label.slice(s, e))).toEqual(['x', 'सुरु', 'अन्त']);
    expect(parameterOffsets('पढ()')).toEqual([]);
  });

  it('every builtin signature has as many parameters as it takes at most', () => {
    for (const builtin of BUILTINS) {
      const count = parameterOffsets(builtin.signature).length;
      if (builtin.maxArgs !== null) expect(count, builtin.signature).toBe(builtin.maxArgs);
    }
  });
});

describe('signature help', () => {
  it('shows the builtin being called with the first argument active', () => {
    const help = helpAt('राख भाग = टुक्रा(|')!;
    expect(help.label).toBe('टुक्रा(x, सुरु, अन्त)');
    expect(parameterText(help)).toEqual(['x', 'सुरु', 'अन्त']);
    expect(help.activeParameter).toBe(0);
  });

  it('moves to the argument after each comma, not counting nested calls or texts', () => {
    expect(helpAt('टुक्रा(सूची, लम्बाइ(क, ख), |')!.activeParameter).toBe(2);
    expect(helpAt('टुक्रा("a,b", |')!.activeParameter).toBe(1);
  });

  it('describes the innermost call', () => {
    expect(helpAt('देखाउ(लम्बाइ(|))')!.label).toBe('लम्बाइ(x)');
    expect(helpAt('देखाउ(लम्बाइ(क), |)')!.label).toMatch(/^देखाउ/);
  });

  it('keeps the last parameter active for any number of arguments', () => {
    expect(helpAt('देखाउ(१, २, ३, ४|')!.activeParameter).toBe(2);
  });

  it('documents in the UI language', () => {
    const builtin = BUILTINS.find((b) => b.name === 'लम्बाइ')!;
    expect(helpAt('लम्बाइ(|', 'en')!.documentation).toBe(builtin.docEn);
    expect(helpAt('लम्बाइ(|', 'ne')!.documentation).toBe(builtin.docNe);
  });

  it('has nothing outside builtin calls', () => {
    expect(helpAt('मेरोकार्य(|')).toBeNull();
    expect(helpAt('देखाउ(१)|')).toBeNull();
    expect(helpAt('राख क = [|')).toBeNull();
    expect(helpAt('# देखाउ(|')).toBeNull();
    expect(helpAt('"देखाउ(|"')).toBeNull();
  });
});
